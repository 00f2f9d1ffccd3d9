package io.tidbcloud.auth.apps;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The developer application registry, under {@code tidbcloud.apps.*}. */
@ConfigMapping(prefix = "tidbcloud.apps")
public interface AppConfig {

    /** How many applications one person may own. */
    @WithDefault("25")
    int maxPerOwner();

    /** Prefix of the Keycloak client ids of registered applications, before 20 random base32 letters. */
    @WithDefault("app-")
    String clientIdPrefix();
}
