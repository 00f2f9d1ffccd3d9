package io.tidbcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidbcloud.testsupport.IssuedSecrets;
import io.tidbcloud.testsupport.PrometheusText;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device flow's outcomes on Keycloak's own /metrics (its user event metrics, enabled by bin/dev,
 * the image and so compose and Helm): {@code keycloak_user_events_total{realm,client_id,event,error}}.
 * A sign-in with ticloud, a poll too fast, a mistyped user code and a declined consent each show up
 * under their event and error. Keycloak 26.7.3 records no event for a device authorization request
 * ({@code oauth2_device_auth} stays absent) nor for {@code authorization_pending}.
 */
class DeviceFlowMetricsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String EVENTS = "keycloak_user_events_total";

    @TempDir
    Path tempDir;

    @Test
    void everyOutcomeOfTheDeviceFlowIsCountedUnderItsEventAndError() throws Exception {
        PrometheusText before = scrape();

        TicloudCli approved = new TicloudCli(tempDir.resolve("approved"), "http://localhost:9");
        DeviceLogin.signIn(approved, "google", "alice", "alice-pass");
        TicloudCli declined = new TicloudCli(tempDir.resolve("declined"), "http://localhost:9");
        assertThat(DeviceLogin.signInAndDecline(declined, "google", "alice", "alice-pass")
                        .exitCode())
                .isNotZero();
        String deviceCode = deviceAuthorization().path("device_code").asText();
        poll(deviceCode); // authorization_pending: Keycloak records no event for it
        assertThat(poll(deviceCode).path("error").asText()).isEqualTo("slow_down");
        HttpResponse<String> wrongCode = HTTP.send(
                HttpRequest.newBuilder(URI.create(TestStack.oidcUrl() + "/device?user_code=BBBB-BBBB"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongCode.statusCode()).isEqualTo(200);

        PrometheusText after = scrape();
        assertThat(increase(before, after, "oauth2_device_verify_user_code", ""))
                .isGreaterThanOrEqualTo(2);
        assertThat(increase(before, after, "oauth2_device_code_to_token", ""))
                .as("the approved sign-in's tokens")
                .isGreaterThanOrEqualTo(1);
        assertThat(increase(before, after, "oauth2_device_code_to_token", "access_denied"))
                .as("the declined consent, at ticloud's next poll")
                .isGreaterThanOrEqualTo(1);
        assertThat(increase(before, after, "oauth2_device_code_to_token", "slow_down"))
                .isGreaterThanOrEqualTo(1);
        assertThat(increase(before, after, "oauth2_device_verify_user_code", "invalid_oauth2_user_code"))
                .isGreaterThanOrEqualTo(1);
    }

    private static double increase(PrometheusText before, PrometheusText after, String event, String error) {
        Map<String, String> labels = Map.of("realm", "tidbcloud", "event", event, "error", error);
        return after.valueOrZero(EVENTS, labels) - before.valueOrZero(EVENTS, labels);
    }

    private static PrometheusText scrape() throws Exception {
        HttpResponse<String> metrics = HTTP.send(
                HttpRequest.newBuilder(URI.create(TestStack.keycloakManagementUrl() + "/metrics"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode())
                .as("Keycloak's /metrics at %s (bin/dev infra up enables it)", TestStack.keycloakManagementUrl())
                .isEqualTo(200);
        return new PrometheusText(metrics.body());
    }

    private static JsonNode deviceAuthorization() throws Exception {
        return post("/protocol/openid-connect/auth/device", "client_id=ticloud-cli&scope=project:read");
    }

    private static JsonNode poll(String deviceCode) throws Exception {
        return post(
                "/protocol/openid-connect/token",
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&client_id=ticloud-cli"
                        + "&device_code=" + deviceCode);
    }

    private static JsonNode post(String path, String form) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(TestStack.oidcUrl() + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        IssuedSecrets.recordTokenResponse(answer);
        return answer;
    }
}
