package io.tidbcloud.auth.portal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which tokens reach the portal's API ({@code /v1/me/**}, {@code /v1/apps/**}), under {@code tidbcloud.portal.*}. */
@ConfigMapping(prefix = "tidbcloud.portal")
public interface PortalConfig {

    /** The portal's client: the {@code azp} of every accepted token. */
    @WithDefault("web-portal")
    String clientId();

    /** What the portal's tokens name in {@code aud} (the realm's audience mapper on web-portal). */
    @WithDefault("auth-service")
    String audience();
}
