package io.tidbcloud.auth.revocation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tidbcloud.contract.Realm;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The revocation feed, under {@code tidbcloud.revocation.*}. */
@ConfigMapping(prefix = "tidbcloud.revocation")
public interface RevocationConfig {

    /**
     * Secret that Keycloak's {@code tidbcloud-revocation} listener sends with each delivery (env
     * {@code TIDBCLOUD_EVENTS_SECRET}). Without it every delivery is refused.
     */
    Optional<String> eventsSecret();

    /** Clients ({@code azp} of a client-credentials token) allowed to subscribe to the feed. */
    @WithDefault(Realm.CLOUD_API)
    List<String> subscribers();

    /** How often an idle feed says it is still alive; subscribers measure staleness by it. */
    @WithDefault("1s")
    Duration heartbeat();

    /**
     * The longest an access token of realm tidbcloud lives (the realm's {@code accessTokenLifespan},
     * 300 s): a revocation auth-service publishes itself matters this long, plus {@link #leeway()},
     * computed as Keycloak's listener computes it. A client's own longer {@code access.token.lifespan}
     * is taken into account where the client is known.
     */
    @WithDefault("5m")
    Duration accessTokenLifespan();

    /** Added to the covered expiry, as the Keycloak listener's {@code leeway} (default 30 s). */
    @WithDefault("30s")
    Duration leeway();

    /** Most revocations one delivery may carry. */
    @WithDefault("1000")
    int maxBatch();
}
