package io.tidbcloud.resourceserver.revocation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The revocation feed subscription, under {@code tidbcloud.revocation.*} (env
 * {@code TIDBCLOUD_REVOCATION_*}). A service sets {@code auth-service-url} and {@code client-secret};
 * the rest follows from its quarkus-oidc settings.
 */
@ConfigMapping(prefix = "tidbcloud.revocation")
public interface RevocationConfig {

    /**
     * Base URL of auth-service (env {@code TIDBCLOUD_AUTH_SERVICE_URL}); the feed is
     * {@code <url>/v1/revocations/feed}. Unset: no feed and no deny check (tests of other parts,
     * the benchmark build); a warning says so at start.
     */
    Optional<String> authServiceUrl();

    /** Token endpoint for the client-credentials grant that authenticates the subscription. */
    @WithDefault("${quarkus.oidc.auth-server-url}/protocol/openid-connect/token")
    String tokenUrl();

    /** Client of realm tidbcloud that subscribes: by default the service's own OIDC client. */
    @WithDefault("${quarkus.oidc.client-id}")
    String clientId();

    /** Its secret. */
    Optional<String> clientSecret();

    /**
     * How long the feed may be lost before this instance stops trusting its deny set and answers
     * 503 to authenticated requests, until it has caught up again.
     */
    @WithDefault("5s")
    Duration stalenessBound();

    /** First pause before reconnecting; doubles up to a second. */
    @WithDefault("100ms")
    Duration reconnectDelay();

    /** How often revocations whose tokens have all expired leave the deny set. */
    @WithDefault("30s")
    Duration sweepInterval();
}
