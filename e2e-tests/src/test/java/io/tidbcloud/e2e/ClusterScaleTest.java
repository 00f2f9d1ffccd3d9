package io.tidbcloud.e2e;

import static io.tidbcloud.e2e.RevocationStack.HTTP;
import static io.tidbcloud.e2e.RevocationStack.JSON;
import static io.tidbcloud.e2e.RevocationStack.WITHIN;
import static io.tidbcloud.e2e.RevocationStack.accessToken;
import static io.tidbcloud.e2e.RevocationStack.assertAccepted;
import static io.tidbcloud.e2e.RevocationStack.assertRefusedWithin;
import static io.tidbcloud.e2e.RevocationStack.assertRevokedAnswer;
import static io.tidbcloud.e2e.RevocationStack.call;
import static io.tidbcloud.e2e.RevocationStack.claims;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16's scale-out sentences, on two Keycloak nodes, two auth-service and two cloud-api
 * instances ({@link ScaleStack}; run by `bin/dev test-scale`). The CLI talks to Keycloak node 1
 * (28180); the verification URL it prints is the issuer's, node 2 (28181), where the browser signs in.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterScaleTest {

    @RegisterExtension
    static final ScaleStack stack = new ScaleStack();

    @TempDir
    Path tempDir;

    @Test
    @Order(1)
    void deviceLoginStartedAtNode1AndApprovedAtNode2WorksAtBothApiInstances() throws Exception {
        TicloudCli ticloud = cli("start-1-approve-2");
        DeviceLogin.Outcome login = DeviceLogin.signIn(ticloud, "google", "alice", "alice-pass");

        assertThat(login.verificationUrl()).startsWith(stack.keycloakUrl(1) + "/");
        String token = accessToken(ticloud);
        assertThat(claims(token).get("iss").asText()).isEqualTo(stack.realmUrl(1));
        for (String api : stack.apiUrls()) {
            assertAccepted(api, token);
        }
    }

    @Test
    @Order(2)
    void logoutAtNode1IsRefusedAtBothApiInstancesWithinOneSecond() throws Exception {
        TicloudCli ticloud = cli("logout-at-1");
        String token = signedIn(ticloud);

        long loggedOut = logout(ticloud, 0);

        for (String api : stack.apiUrls()) {
            assertRefusedWithin(api, token, loggedOut, WITHIN);
        }
    }

    @Test
    @Order(3)
    void logoutAtNode2IsRefusedAtBothApiInstancesWithinOneSecond() throws Exception {
        TicloudCli ticloud = cli("logout-at-2");
        String token = signedIn(ticloud);

        long loggedOut = logout(ticloud, 1);

        for (String api : stack.apiUrls()) {
            assertRefusedWithin(api, token, loggedOut, WITHIN);
        }
    }

    /**
     * auth-service 1 stops between sign-in and logout. Keycloak node 1's delivery and cloud-api 1's
     * subscription both went through balancer 1 to auth-service 1; both now reach auth-service 2,
     * cloud-api 1 resuming after its Last-Event-ID, so no revocation is lost and both refuse in time.
     */
    @Test
    @Order(4)
    void withAuthServiceInstance1StoppedALogoutAtNode1IsStillRefusedAtBothApiInstancesWithinOneSecond()
            throws Exception {
        TicloudCli ticloud = cli("auth-1-stopped");
        String token = signedIn(ticloud);
        stack.stopAuthService(0);
        try {
            long loggedOut = logout(ticloud, 0);

            for (String api : stack.apiUrls()) {
                assertRefusedWithin(api, token, loggedOut, WITHIN);
            }
        } finally {
            stack.startAuthService(0);
        }
    }

    /**
     * cloud-api 2 is down while a logout happens; started again with an empty deny set, it reports
     * ready only once its feed has replayed what it missed, so the first request it serves already
     * refuses the token.
     */
    @Test
    @Order(5)
    void restartedApiInstanceIsReadyOnlyAfterCatchingUpAndThenRefusesWhatWasRevokedWhileItWasDown() throws Exception {
        TicloudCli ticloud = cli("api-restart");
        String token = signedIn(ticloud);
        stack.stopApi(1);
        logout(ticloud, 1);
        assertRefusedWithin(stack.apiUrl(0), token, System.nanoTime(), WITHIN);

        stack.startApi(1); // returns at the first 200 from /q/health/ready

        assertRevokedAnswer(call(stack.apiUrl(1), token));
        JsonNode readiness = JSON.readTree(HTTP.send(
                        HttpRequest.newBuilder(URI.create(stack.apiUrl(1) + "/q/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        assertThat(readiness.toString()).contains("\"name\":\"revocation-feed\"");
        assertThat(readiness.get("status").asText()).isEqualTo("UP");
    }

    // ----------------------------------------------------------------

    private TicloudCli cli(String name) {
        return new TicloudCli(tempDir.resolve(name), stack.apiUrl(0));
    }

    /** A device login started at node 1 and approved at node 2; the token works at both APIs. */
    private String signedIn(TicloudCli ticloud) throws Exception {
        DeviceLogin.signIn(ticloud, "google", "alice", "alice-pass");
        String token = accessToken(ticloud);
        for (String api : stack.apiUrls()) {
            assertAccepted(api, token);
        }
        return token;
    }

    /** `ticloud auth logout` against Keycloak node {@code node}; returns when it ended. */
    private long logout(TicloudCli ticloud, int node) throws Exception {
        TicloudCli.Result logout = ticloud.withEnvironment("TICLOUD_OAUTH_ENDPOINT", stack.realmUrl(node))
                .run("auth", "logout");
        long loggedOut = System.nanoTime();
        assertThat(logout.exitCode()).as(logout.stderr()).isZero();
        return loggedOut;
    }
}
