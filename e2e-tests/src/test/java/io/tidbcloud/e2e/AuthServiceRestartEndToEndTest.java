package io.tidbcloud.e2e;

import static io.tidbcloud.e2e.RevocationStack.assertAccepted;
import static io.tidbcloud.e2e.RevocationStack.assertRefusedWithin;
import static io.tidbcloud.e2e.RevocationStack.assertRevokedAnswer;
import static io.tidbcloud.e2e.RevocationStack.call;
import static io.tidbcloud.e2e.RevocationStack.revokeAccessTokenAtKeycloak;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidbcloud.testsupport.TestClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * auth-service restarts (a deploy) while the API runs, within the API's staleness bound: the API
 * keeps answering throughout, keeps refusing what was revoked before, picks the feed up again after
 * the last revocation it had, and enforces a revocation made right after the restart.
 * {@link RevocationFeedOutageEndToEndTest} covers the other case, an outage longer than the bound.
 */
class AuthServiceRestartEndToEndTest {

    /**
     * Long enough for auth-service to stop and start again on a busy build machine (a few seconds);
     * the production default (5 s) is meant for a feed lost without a restart.
     */
    private static final String STALENESS_BOUND = "60s";
    /**
     * A revocation made the moment auth-service is back is enforced once the API has subscribed
     * again; it retries at least once a second, so: the one-second promise, plus that pause, plus slack.
     */
    private static final Duration RIGHT_AFTER_RESTART = Duration.ofSeconds(3);

    @RegisterExtension
    static final RevocationStack stack =
            RevocationStack.withApiInstances(1).withApiSetting("TIDBCLOUD_REVOCATION_STALENESS_BOUND", STALENESS_BOUND);

    @Test
    void authServiceRestartedWithinTheStalenessBoundLeavesTheApiAnsweringAndARevocationRightAfterItIsEnforced()
            throws Exception {
        String api = stack.apiUrl();
        TestClient user = stack.admin().createServiceClient("restart", "project:read");
        String revokedBefore = user.token("project:read");
        String valid = user.token("project:read");
        String revokedAfter = user.token("project:read");
        for (String token : List.of(revokedBefore, valid, revokedAfter)) {
            assertAccepted(api, token);
        }
        long revoked = revokeAccessTokenAtKeycloak(user, revokedBefore);
        assertRefusedWithin(api, revokedBefore, revoked, RevocationStack.WITHIN);

        List<String> answersDuringRestart;
        try (Poller poller = new Poller(api, valid)) {
            stack.stopAuthService();
            assertRevokedAnswer(call(api, revokedBefore));
            stack.startAuthService();
            answersDuringRestart = poller.answers();
        }
        assertThat(answersDuringRestart)
                .as("the API's answers to a valid token while auth-service restarted")
                .isNotEmpty()
                .allMatch(answer -> answer.startsWith("200 "));

        long revokedRightAfter = revokeAccessTokenAtKeycloak(user, revokedAfter);
        assertRefusedWithin(api, revokedAfter, revokedRightAfter, RIGHT_AFTER_RESTART);
        assertRevokedAnswer(call(api, revokedBefore));
        assertAccepted(api, valid);
    }

    /** Calls the API with a token every 100 ms on its own thread, and keeps each answer's status and body. */
    private static final class Poller implements AutoCloseable {

        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<String> answers = new CopyOnWriteArrayList<>();
        private final Future<?> loop;

        Poller(String api, String token) {
            loop = thread.submit(() -> {
                while (running.get()) {
                    RevocationStack.Answer answer = call(api, token);
                    answers.add(answer.status() + " " + answer.body());
                    Thread.sleep(100);
                }
                return null;
            });
        }

        List<String> answers() throws Exception {
            running.set(false);
            loop.get(10, TimeUnit.SECONDS);
            return List.copyOf(answers);
        }

        @Override
        public void close() {
            running.set(false);
            thread.shutdownNow();
        }
    }
}
