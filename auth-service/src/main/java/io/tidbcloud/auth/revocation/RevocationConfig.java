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

    /** Most revocations one delivery may carry. */
    @WithDefault("1000")
    int maxBatch();
}
