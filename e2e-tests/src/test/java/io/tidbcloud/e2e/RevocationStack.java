package io.tidbcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidbcloud.testsupport.IssuedSecrets;
import io.tidbcloud.testsupport.KeycloakAdmin;
import io.tidbcloud.testsupport.TestClient;
import io.tidbcloud.testsupport.TestDatabase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * auth-service where the test Keycloak's revocation listener forwards (port 18081, see bin/dev
 * infra up) and cloud-api-service instances subscribed to its feed, for one test class: registered
 * on a static field with {@code @RegisterExtension}, started before the class's first test and
 * stopped after its last. Plus what revocation tests ask of them: Keycloak's admin API, token
 * claims, and the wait for an API's first 401.
 */
final class RevocationStack implements BeforeAllCallback, AfterAllCallback {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** The promise: a revoked token fails at every API instance within one second. */
    static final Duration WITHIN = Duration.ofSeconds(1);

    private final int apiInstances;
    private final Map<String, String> apiEnv = new HashMap<>();
    private Duration subscriberTokenLifespan;
    private final int authPort =
            Integer.parseInt(System.getenv().getOrDefault("TIDBCLOUD_TEST_AUTH_SERVICE_PORT", "18081"));
    /** Kept across a stop and start of auth-service: its revocations are durable, as in production. */
    private String authDatabase;

    private ServiceProcess authService;
    private final List<ServiceProcess> apis = new ArrayList<>();
    private KeycloakAdmin admin;
    private final Map<String, String> authEnv = new HashMap<>();

    private RevocationStack(int apiInstances) {
        this.apiInstances = apiInstances;
    }

    /** auth-service and this many cloud-api-service instances subscribed to its feed. */
    static RevocationStack withApiInstances(int apiInstances) {
        return new RevocationStack(apiInstances);
    }

    /** A setting of every API instance, e.g. {@code TIDBCLOUD_REVOCATION_STALENESS_BOUND}. */
    RevocationStack withApiSetting(String name, String value) {
        apiEnv.put(name, value);
        return this;
    }

    /**
     * The API instances subscribe as a throwaway confidential client of their own (created before
     * they start, deleted after the class) whose client-credentials tokens live only {@code lifespan},
     * instead of as client {@code cloud-api}, whose tokens live the realm's 5 minutes: so that a test
     * sees the feed outlive the subscriber's token without changing {@code cloud-api} in the shared realm.
     */
    RevocationStack withSubscriberTokensLiving(Duration lifespan) {
        subscriberTokenLifespan = lifespan;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        for (String secret : List.of("TIDBCLOUD_EVENTS_SECRET", "TIDBCLOUD_CLOUD_API_SECRET")) {
            if (System.getenv(secret) == null) {
                throw new IllegalStateException(
                        secret + " is unset: source .dev/test/env (bin/dev infra up) or run bin/dev test");
            }
        }
        authDatabase = TestDatabase.create("e2e_auth_service").jdbcUrl();
        try {
            if (subscriberTokenLifespan != null) {
                TestClient subscriber = admin().createServiceClient("feed-subscriber");
                admin().setAccessTokenLifespan(subscriber, subscriberTokenLifespan);
                apiEnv.put("TIDBCLOUD_REVOCATION_CLIENT_ID", subscriber.clientId());
                apiEnv.put("TIDBCLOUD_CLOUD_API_SECRET", subscriber.secret());
                authEnv.put("TIDBCLOUD_REVOCATION_SUBSCRIBERS", "cloud-api," + subscriber.clientId());
            }
            startAuthService();
            apiEnv.put("TIDBCLOUD_AUTH_SERVICE_URL", authServiceUrl());
            for (int i = 0; i < apiInstances; i++) {
                apis.add(ServiceProcess.start("cloud-api-service", apiEnv));
            }
        } catch (Exception e) {
            afterAll(context);
            throw e;
        }
    }

    void startAuthService() throws Exception {
        authEnv.put(ServiceProcess.DATABASE_URL, authDatabase);
        authService = ServiceProcess.start("auth-service", authPort, authEnv);
    }

    void stopAuthService() throws Exception {
        authService.close();
        authService = null;
    }

    List<String> apiUrls() {
        return apis.stream().map(ServiceProcess::baseUrl).toList();
    }

    String apiUrl() {
        return apis.get(0).baseUrl();
    }

    /** auth-service's base URL (its port is where the test Keycloak's listener delivers). */
    String authServiceUrl() {
        return "http://localhost:" + authPort;
    }

    /** Keycloak's admin API; the test clients it creates are deleted after the class's last test. */
    KeycloakAdmin admin() {
        if (admin == null) {
            admin = KeycloakAdmin.fromEnvironment();
        }
        return admin;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (admin != null) {
                admin.close();
                admin = null;
            }
        } finally {
            // the processes stop even when Keycloak could not be reached to delete the test clients
            for (ServiceProcess api : apis) {
                api.close();
            }
            apis.clear();
            if (authService != null) {
                stopAuthService();
            }
        }
    }

    // ---------------------------------------------------------------- tokens

    static JsonNode storedCredentials(TicloudCli ticloud) throws Exception {
        Path file = ticloud.configDir().resolve("credentials.json");
        JsonNode stored = JSON.readTree(Files.readString(file)).get("default");
        IssuedSecrets.recordTokenResponse(stored);
        return stored;
    }

    static String accessToken(TicloudCli ticloud) throws Exception {
        return storedCredentials(ticloud).get("access_token").asText();
    }

    static String refreshToken(TicloudCli ticloud) throws Exception {
        return storedCredentials(ticloud).get("refresh_token").asText();
    }

    static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- the API's answers

    record Answer(int status, String body, String wwwAuthenticate) {}

    static Answer call(String apiUrl, String accessToken) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(apiUrl + "/v1beta1/projects"))
                        .header("Authorization", "Bearer " + accessToken)
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(
                response.statusCode(),
                response.body(),
                response.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    /** Polls until the API answers {@code status} to the token, for at most {@code within}; answers that answer. */
    static Answer awaitStatus(String apiUrl, String accessToken, int status, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        Answer answer;
        do {
            answer = call(apiUrl, accessToken);
            if (answer.status() == status) {
                return answer;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(
                apiUrl + " answered " + answer.status() + " " + answer.body() + ", not " + status + ", for " + within);
    }

    static void assertAccepted(String apiUrl, String accessToken) throws Exception {
        Answer answer = call(apiUrl, accessToken);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    /**
     * Polls until the API refuses the token, for at most {@code within} after {@code since}
     * (System.nanoTime() when the revocation was answered), then checks the refusal is RFC 6750's.
     */
    static void assertRefusedWithin(String apiUrl, String accessToken, long since, Duration within) throws Exception {
        Answer answer;
        do {
            answer = call(apiUrl, accessToken);
            if (answer.status() == 401) {
                break;
            }
            Thread.sleep(20);
        } while (System.nanoTime() - since < within.toNanos());
        assertThat(answer.status())
                .as(
                        "API %s still answers %d %s %s after the revocation",
                        apiUrl, answer.status(), Duration.ofNanos(System.nanoTime() - since), answer.body())
                .isEqualTo(401);
        assertRevokedAnswer(answer);
    }

    static void assertRevokedAnswer(Answer answer) throws Exception {
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("code").asInt()).isEqualTo(16);
        assertThat(body.get("message").asText()).isEqualTo("Invalid access token: token has been revoked");
        assertThat(body.get("details").isArray()).isTrue();
        assertThat(answer.wwwAuthenticate())
                .startsWith("Bearer ")
                .contains("error=\"invalid_token\"")
                .contains("error_description=\"token has been revoked\"");
    }

    /** A refresh-token grant at Keycloak by public client {@code clientId}; Keycloak's answer as it is. */
    static HttpResponse<String> refreshAtKeycloak(String clientId, String refreshToken) throws Exception {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(TestStack.oidcUrl() + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id="
                                + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&refresh_token="
                                + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
            IssuedSecrets.recordTokenResponse(JSON.readTree(answer.body()));
        }
        return answer;
    }

    /** RFC 7009 revocation at Keycloak by the public client ticloud-cli; returns when it answered. */
    static long revokeAtKeycloak(String token, String tokenTypeHint) throws Exception {
        return revoke("client_id=ticloud-cli&token_type_hint=" + tokenTypeHint + "&token=" + token);
    }

    /**
     * RFC 7009 revocation at Keycloak of an access token of a test client, by that client (with its
     * secret): no browser sign-in needed. Returns when Keycloak answered.
     */
    static long revokeAccessTokenAtKeycloak(TestClient client, String accessToken) throws Exception {
        return revoke("client_id=" + client.clientId() + "&client_secret=" + client.secret()
                + "&token_type_hint=access_token&token=" + accessToken);
    }

    private static long revoke(String form) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(TestStack.oidcUrl() + "/protocol/openid-connect/revoke"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        long answeredAt = System.nanoTime();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return answeredAt;
    }
}
