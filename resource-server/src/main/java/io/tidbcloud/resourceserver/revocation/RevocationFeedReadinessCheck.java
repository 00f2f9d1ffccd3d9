package io.tidbcloud.resourceserver.revocation;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when revocations are known: caught up with the feed and heard from within the
 * staleness bound. Without a configured feed it is up and says so.
 */
@Readiness
@ApplicationScoped
public class RevocationFeedReadinessCheck implements HealthCheck {

    private final RevocationFeedSubscriber feed;
    private final DenySet denySet;

    RevocationFeedReadinessCheck(RevocationFeedSubscriber feed, DenySet denySet) {
        this.feed = feed;
        this.denySet = denySet;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("revocation-feed");
        if (!feed.enabled()) {
            return response.up()
                    .withData("feed", "not configured: revoked tokens work until they expire")
                    .build();
        }
        response.withData("lastEventId", feed.lastSeq())
                .withData("revocationsInForce", denySet.size())
                .withData("staleForMillis", feed.staleForMillis());
        if (feed.isFresh()) {
            return response.up().build();
        }
        String problem = feed.problem();
        return response.down()
                .withData("problem", problem == null ? "feed silent longer than the staleness bound" : problem)
                .build();
    }
}
