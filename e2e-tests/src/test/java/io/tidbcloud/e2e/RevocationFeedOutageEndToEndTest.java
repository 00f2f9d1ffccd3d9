package io.tidbcloud.e2e;

import static io.tidbcloud.e2e.RevocationStack.HTTP;
import static io.tidbcloud.e2e.RevocationStack.JSON;
import static io.tidbcloud.e2e.RevocationStack.accessToken;
import static io.tidbcloud.e2e.RevocationStack.assertAccepted;
import static io.tidbcloud.e2e.RevocationStack.assertRefusedWithin;
import static io.tidbcloud.e2e.RevocationStack.awaitStatus;
import static io.tidbcloud.e2e.RevocationStack.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidbcloud.testsupport.TestClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * auth-service goes down, a person logs out meanwhile, auth-service comes back: the API instances
 * refuse every request with 503 once the feed has been lost longer than the staleness bound (5 s),
 * say so in their readiness, and afterwards refuse the token revoked during the outage: nothing lost.
 */
class RevocationFeedOutageEndToEndTest {

    @RegisterExtension
    static final RevocationStack stack = RevocationStack.withApiInstances(2);

    @TempDir
    Path tempDir;

    @Test
    void logoutWhileAuthServiceIsDownIsRefusedOnceItIsBackAndMeanwhileTheApiFailsClosed() throws Exception {
        TicloudCli ticloud = new TicloudCli(tempDir.resolve("ticloud"), stack.apiUrl());
        DeviceLogin.signIn(ticloud, "google", "alice", "alice-pass");
        String revokedLater = accessToken(ticloud);
        TestClient bystander = stack.admin().createServiceClient("outage", "project:read");
        String unrevoked = bystander.token("project:read");
        for (String api : stack.apiUrls()) {
            assertAccepted(api, revokedLater);
            assertAccepted(api, unrevoked);
        }

        stack.stopAuthService();
        TicloudCli.Result logout = ticloud.run("auth", "logout");
        assertThat(logout.exitCode()).as(logout.stderr()).isZero();

        // past the staleness bound, every instance refuses even a valid token, and is not ready
        for (String api : stack.apiUrls()) {
            RevocationStack.Answer answer = awaitStatus(api, unrevoked, 503, Duration.ofSeconds(15));
            JsonNode body = JSON.readTree(answer.body());
            assertThat(body.get("code").asInt()).isEqualTo(14);
            assertThat(body.get("message").asText()).contains("Revocation status cannot be checked");
            // and the token revoked while auth-service was down is not served either: the bound holds
            RevocationStack.Answer revoked = call(api, revokedLater);
            assertThat(revoked.status()).as(revoked.body()).isEqualTo(503);
            assertThat(JSON.readTree(revoked.body()).get("code").asInt()).isEqualTo(14);
            JsonNode feed = readinessCheck(api, "revocation-feed");
            assertThat(feed.get("status").asText()).isEqualTo("DOWN");
        }

        stack.startAuthService();
        long back = System.nanoTime();

        // Keycloak's listener delivers the buffered logout; the instances catch up and refuse that token
        for (String api : stack.apiUrls()) {
            assertRefusedWithin(api, revokedLater, back, Duration.ofSeconds(15));
            assertThat(awaitStatus(api, unrevoked, 200, Duration.ofSeconds(15)).status())
                    .isEqualTo(200);
            assertThat(readinessCheck(api, "revocation-feed").get("status").asText())
                    .isEqualTo("UP");
        }
    }

    private static JsonNode readinessCheck(String api, String name) throws Exception {
        HttpResponse<String> ready = HTTP.send(
                HttpRequest.newBuilder(URI.create(api + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode check : JSON.readTree(ready.body()).get("checks")) {
            if (check.get("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no readiness check " + name + " in " + ready.body());
    }
}
