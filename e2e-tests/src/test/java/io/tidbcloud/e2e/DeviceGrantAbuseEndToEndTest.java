package io.tidbcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidbcloud.testsupport.Browser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The device grant (RFC 8628) against a careless or hostile device, on the real test Keycloak and realm
 * {@code tidbcloud}: polling faster than the interval, a device code used again after it got tokens
 * (also by polls racing each other), and a code left until it expires, at the token endpoint and at the
 * verification page a person opens.
 *
 * <p>Guessed user codes are {@code ConsentEndToEndTest#wrongCodesHitTheLimitAndTheRightCodeWorksAfterTheWait};
 * an account locked out by brute-force detection is keycloak-extensions' {@code LockedAccountDeviceGrantTest}.
 */
class DeviceGrantAbuseEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static final String EXPIRED_CODE_MESSAGE =
            "That code has expired. Run \"ticloud auth login\" again to get a new code.";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @RegisterExtension
    final CliClientCopies cliClients = new CliClientCopies();

    /** RFC 8628 section 3.5: a poll before the interval has passed gets slow_down, and no tokens. */
    @Test
    void pollingFasterThanTheIntervalGetsSlowDownUntilTheIntervalHasPassed() throws Exception {
        JsonNode device = deviceAuthorization("ticloud-cli");
        assertThat(device.path("interval").asInt())
                .as("the realm's polling interval")
                .isEqualTo(5);

        assertError(poll("ticloud-cli", device), "authorization_pending", "The authorization request is still pending");
        HttpResponse<String> tooSoon = poll("ticloud-cli", device);
        assertError(tooSoon, "slow_down", "Slow down");
        assertThat(tooSoon.body()).doesNotContain("access_token");
        // polling faster does not shorten the wait: every poll inside the interval is told to slow down
        assertError(poll("ticloud-cli", device), "slow_down", "Slow down");

        HttpResponse<String> later = pollUntil("ticloud-cli", device, error -> !error.equals("slow_down"));
        assertError(later, "authorization_pending", "The authorization request is still pending");
    }

    /**
     * RFC 8628 section 3.5 and RFC 6749 section 10.5: a device code gets tokens once. Polls racing each
     * other right after the approval get one set of tokens between them; the code is refused afterwards.
     */
    @Test
    void anApprovedDeviceCodeGetsTokensOnceEvenWhenPolledConcurrentlyAndIsRefusedAfterwards() throws Exception {
        String clientId = cliClients.create("ticloud-cli-twice", Map.of());
        JsonNode device = deviceAuthorization(clientId);
        try (Browser browser = Browser.start()) {
            new SignInPages(browser)
                    .approveDevice(device.path("verification_uri_complete").asText(), "google", "alice", "alice-pass");
            browser.awaitText("Device Login Successful");
        }

        List<HttpResponse<String>> racing = concurrentPolls(clientId, device, 4);

        List<HttpResponse<String>> granted =
                racing.stream().filter(r -> r.statusCode() == 200).toList();
        assertThat(granted).as(summaries(racing)).hasSize(1);
        assertThat(JSON.readTree(granted.get(0).body()).path("access_token").asText())
                .isNotBlank();
        for (HttpResponse<String> refused : racing) {
            if (refused != granted.get(0)) {
                assertThat(refused.statusCode()).as(summary(refused)).isEqualTo(400);
                assertThat(JSON.readTree(refused.body()).path("error").asText())
                        .as(summary(refused))
                        .isIn("slow_down", "invalid_grant");
                assertThat(refused.body()).doesNotContain("access_token");
            }
        }

        HttpResponse<String> again = pollUntil(clientId, device, error -> !error.equals("slow_down"));
        assertError(again, "invalid_grant", "Device code not valid");
        assertThat(again.body()).doesNotContain("access_token");
    }

    /**
     * RFC 8628 section 3.5: a poll after the code's lifetime gets expired_token; the verification page
     * refuses the code with a message saying what to do, whether opened from the link or typed.
     */
    @Test
    void anExpiredDeviceCodeGetsExpiredTokenAndTheVerificationPageRefusesItsUserCode() throws Exception {
        String clientId = cliClients.create("ticloud-cli-expiring", Map.of("oauth2.device.code.lifespan", "2"));
        JsonNode device = deviceAuthorization(clientId);
        assertThat(device.path("expires_in").asInt()).isEqualTo(2);
        // Keycloak keeps an expired code for the interval + 10 s more, to tell it apart from a wrong one
        try (Browser browser = Browser.start()) {
            HttpResponse<String> expired = pollUntil(
                    clientId, device, error -> !error.equals("authorization_pending") && !error.equals("slow_down"));
            assertError(expired, "expired_token", "Device code is expired");

            browser.open(device.path("verification_uri_complete").asText());
            browser.awaitText(EXPIRED_CODE_MESSAGE);
            assertThat(browser.isPresent(By.name("device_user_code"))).isTrue();

            browser.open(TestStack.oidcUrl() + "/device");
            browser.type(By.name("device_user_code"), device.path("user_code").asText());
            browser.submit(By.cssSelector("form [type=submit]"));
            browser.awaitText(EXPIRED_CODE_MESSAGE);
            browser.screenshot("device-expired-code");
        }
    }

    private JsonNode deviceAuthorization(String clientId) throws Exception {
        HttpResponse<String> response = postForm(
                TestStack.oidcUrl() + "/protocol/openid-connect/auth/device",
                Map.of("client_id", clientId, "scope", "openid project:read"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> poll(String clientId, JsonNode device) throws Exception {
        return postForm(
                TestStack.oidcUrl() + "/protocol/openid-connect/token",
                Map.of(
                        "grant_type", DEVICE_GRANT,
                        "client_id", clientId,
                        "device_code", device.path("device_code").asText()));
    }

    /** Polls once per interval until the answer's error (empty when it granted) passes {@code until}. */
    private HttpResponse<String> pollUntil(String clientId, JsonNode device, Predicate<String> until) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        long pause = Math.max(100, device.path("interval").asLong() * 1000);
        while (true) {
            HttpResponse<String> response = poll(clientId, device);
            if (until.test(JSON.readTree(response.body()).path("error").asText())) {
                return response;
            }
            assertThat(Instant.now()).as("last answer: " + summary(response)).isBefore(deadline);
            Thread.sleep(pause);
        }
    }

    /** {@code count} polls, each on a thread of its own, released together once every thread waits. */
    private List<HttpResponse<String>> concurrentPolls(String clientId, JsonNode device, int count) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch ready = new CountDownLatch(count);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> polls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                polls.add(threads.submit(() -> {
                    ready.countDown();
                    start.await();
                    return poll(clientId, device);
                }));
            }
            ready.await();
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> poll : polls) {
                answers.add(poll.get(30, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    private static void assertError(HttpResponse<String> response, String error, String description)
            throws IOException {
        assertThat(response.statusCode()).as(summary(response)).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error").asText()).as(summary(response)).isEqualTo(error);
        assertThat(body.path("error_description").asText())
                .as(summary(response))
                .isEqualTo(description);
    }

    /** A token answer for a failure message: its status and error, never the tokens it may hold. */
    private static String summary(HttpResponse<String> response) {
        try {
            JsonNode body = JSON.readTree(response.body());
            return response.statusCode() + " " + body.path("error").asText("(no error)") + ": "
                    + body.path("error_description").asText() + (body.has("access_token") ? " (with tokens)" : "");
        } catch (IOException e) {
            return response.statusCode() + " (not JSON)";
        }
    }

    private static String summaries(List<HttpResponse<String>> responses) {
        return responses.stream().map(DeviceGrantAbuseEndToEndTest::summary).collect(Collectors.joining("\n"));
    }

    private HttpResponse<String> postForm(String url, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
