package io.tidbcloud.auth.revocation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The feed on {@code /q/metrics}: {@code tidbcloud_revocation_feed_subscribers} (resource-server
 * instances subscribed to this instance now) and {@code tidbcloud_revocation_events_stored} (stored
 * revocations that can still cover a valid token, shared by every instance: one query per scrape).
 */
@ApplicationScoped
class RevocationFeedMetrics {

    void register(@Observes StartupEvent started, MeterRegistry metrics, RevocationFeed feed, RevocationStore store) {
        Gauge.builder("tidbcloud.revocation.feed.subscribers", feed::subscribers)
                .description("Resource-server instances subscribed to this instance's revocation feed")
                .register(metrics);
        Gauge.builder("tidbcloud.revocation.events.stored", () -> store.inForce(System.currentTimeMillis()))
                .description("Stored revocations that can still cover a valid token (in force)")
                .register(metrics);
    }
}
