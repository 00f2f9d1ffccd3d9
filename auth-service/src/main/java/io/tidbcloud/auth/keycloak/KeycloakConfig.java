package io.tidbcloud.auth.keycloak;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Where auth-service finds Keycloak, the only authorization server. */
@ConfigMapping(prefix = "tidbcloud.keycloak")
public interface KeycloakConfig {

    /** The issuer URL of realm {@code tidbcloud}, e.g. {@code http://localhost:8180/realms/tidbcloud}. */
    URI realmUrl();

    /** How long the readiness probe waits for the realm's discovery document. */
    @WithDefault("2s")
    Duration probeTimeout();
}
