package io.tidbcloud.e2e;

import static io.tidbcloud.e2e.RevocationStack.assertAccepted;
import static io.tidbcloud.e2e.RevocationStack.assertRefusedWithin;
import static io.tidbcloud.e2e.RevocationStack.awaitStatus;
import static io.tidbcloud.e2e.RevocationStack.revokeAccessTokenAtKeycloak;

import io.tidbcloud.testsupport.TestClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an idle feed meets hours into its life, in seconds: no revocation for many heartbeats and for
 * longer than the subscriber's own client-credentials token lives (3 s here, through a throwaway
 * subscriber client), then auth-service restarts and the API must subscribe again, which takes a
 * fresh token. Production settings otherwise (heartbeat 1 s, staleness bound 5 s).
 */
class RevocationFeedIdleEndToEndTest {

    private static final Duration SUBSCRIBER_TOKEN_LIFESPAN = Duration.ofSeconds(3);
    /** Twelve heartbeats, four lifetimes of the subscriber's token, more than twice the staleness bound. */
    private static final Duration IDLE = Duration.ofSeconds(12);

    /** After auth-service is back: room for the subscriber's pauses between attempts and a busy machine. */
    private static final Duration RESUBSCRIBED_WITHIN = Duration.ofSeconds(15);

    @RegisterExtension
    static final RevocationStack stack =
            RevocationStack.withApiInstances(1).withSubscriberTokensLiving(SUBSCRIBER_TOKEN_LIFESPAN);

    @Test
    void afterAFeedIdleLongerThanTheSubscribersTokenAndAReconnectRevocationsStillReachTheApiWithinOneSecond()
            throws Exception {
        String api = stack.apiUrl();
        TestClient user = stack.admin().createServiceClient("idle-feed", "project:read");
        String valid = user.token("project:read");
        assertAccepted(api, valid);

        // idle: heartbeats only; the API keeps trusting its deny set, so keeps answering
        long idleUntil = System.nanoTime() + IDLE.toNanos();
        while (System.nanoTime() < idleUntil) {
            assertAccepted(api, valid);
            Thread.sleep(500);
        }

        stack.stopAuthService();
        stack.startAuthService();

        // The first revocation after the restart is enforced once the API has subscribed again, which
        // takes a token that is alive now: the one it subscribed with died long ago. (The restart may
        // outlast the staleness bound, so the API may answer 503 until it has caught up.)
        String first = user.token("project:read");
        awaitStatus(api, first, 200, RESUBSCRIBED_WITHIN);
        long firstRevoked = revokeAccessTokenAtKeycloak(user, first);
        assertRefusedWithin(api, first, firstRevoked, RESUBSCRIBED_WITHIN);

        // and from then on the feed works as before: within one second, and valid tokens still pass
        String second = user.token("project:read");
        assertAccepted(api, second);
        long secondRevoked = revokeAccessTokenAtKeycloak(user, second);
        assertRefusedWithin(api, second, secondRevoked, RevocationStack.WITHIN);
        assertAccepted(api, valid);
    }
}
