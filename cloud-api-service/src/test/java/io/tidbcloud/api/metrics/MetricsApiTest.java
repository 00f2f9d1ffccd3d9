package io.tidbcloud.api.metrics;

import static io.restassured.RestAssured.given;
import static io.tidbcloud.api.testing.ErrorResponses.forbiddenWithoutScope;
import static io.tidbcloud.api.testing.ErrorResponses.unauthorizedAsInvalidToken;
import static io.tidbcloud.api.testing.ErrorResponses.unauthorizedWithBareBearerChallenge;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tidbcloud.api.testing.KeycloakClients;
import io.tidbcloud.testsupport.PrometheusText;
import io.tidbcloud.testsupport.TestClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an operator reads on {@code /q/metrics}: requests by endpoint template and status, and every
 * refused token by its reason, each counted once per refusal that the caller saw.
 */
@QuarkusTest
class MetricsApiTest {

    private static final String REJECTED = "tidbcloud_tokens_rejected_total";
    private static final String REQUESTS = "http_server_requests_seconds_count";

    @RegisterExtension
    static final KeycloakClients keycloak = new KeycloakClients();

    private static TestClient reader;
    private static TestClient shortLived;

    @BeforeAll
    static void createClients() {
        reader = keycloak.create("metrics-reader", "cluster:read");
        shortLived = keycloak.create("metrics-short", "cluster:read");
        keycloak.admin().setAccessTokenLifespan(shortLived, Duration.ofSeconds(3));
    }

    @Test
    void eachRefusedTokenIsCountedUnderItsReason() throws Exception {
        String expiring = shortLived.token("cluster:read");
        Instant expiry = Instant.ofEpochSecond(Long.parseLong(claim(expiring, "exp")));
        String valid = reader.token("cluster:read");
        PrometheusText before = scrape();

        given().get("/v1beta1/clusters").then().spec(unauthorizedWithBareBearerChallenge());
        given().auth().oauth2("not-a-jwt").get("/v1beta1/clusters").then().spec(unauthorizedAsInvalidToken());
        given().auth().oauth2(tampered(valid)).get("/v1beta1/clusters").then().spec(unauthorizedAsInvalidToken());
        // Only the realm's default scopes: no cloud-api audience.
        given().auth().oauth2(reader.token()).get("/v1beta1/clusters").then().spec(unauthorizedAsInvalidToken());
        given().auth()
                .oauth2(valid)
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", "metrics-denied", "region", Map.of("name", "regions/aws-us-east-1")))
                .post("/v1beta1/clusters")
                .then()
                .spec(forbiddenWithoutScope("cluster:write"));
        Thread.sleep(Math.max(
                0, Duration.between(Instant.now(), expiry.plusMillis(1100)).toMillis()));
        given().auth().oauth2(expiring).get("/v1beta1/clusters").then().spec(unauthorizedAsInvalidToken());

        PrometheusText after = scrape();
        assertThat(increase(before, after, "missing")).isEqualTo(1);
        assertThat(increase(before, after, "malformed")).isEqualTo(1);
        assertThat(increase(before, after, "invalid_signature")).isEqualTo(1);
        assertThat(increase(before, after, "wrong_audience")).isEqualTo(1);
        assertThat(increase(before, after, "insufficient_scope")).isEqualTo(1);
        assertThat(increase(before, after, "expired")).isEqualTo(1);
        assertThat(increase(before, after, "revoked")).isZero();
    }

    @Test
    void requestsAreCountedByEndpointTemplateAndStatusWithoutTheirIds() {
        String token = reader.token("cluster:read");
        String unknownCluster = UUID.randomUUID().toString();
        String unknownPath = UUID.randomUUID().toString();
        PrometheusText before = scrape();

        given().auth()
                .oauth2(token)
                .get("/v1beta1/clusters/" + unknownCluster)
                .then()
                .statusCode(404);
        given().auth().oauth2(token).get("/v1beta1/clusters").then().statusCode(200);
        given().get("/v1beta1/" + unknownPath).then().statusCode(404);
        given().get("/" + unknownPath + "/deeper").then().statusCode(404);

        PrometheusText after = scrape();
        assertThat(increase(
                        before,
                        after,
                        Map.of("method", "GET", "uri", "/v1beta1/clusters/{clusterId}", "status", "404")))
                .isEqualTo(1);
        assertThat(increase(before, after, Map.of("method", "GET", "uri", "/v1beta1/clusters", "status", "200")))
                .isEqualTo(1);
        assertThat(increase(before, after, Map.of("uri", "NOT_FOUND", "status", "404")))
                .as("paths that matched no endpoint, in one bucket")
                .isEqualTo(2);
        assertThat(after.text()).doesNotContain(unknownCluster).doesNotContain(unknownPath);
    }

    @Test
    void everyAnswerCarriesARequestId() {
        given().header("X-Request-Id", "metrics-test-1")
                .get("/v1beta1/clusters")
                .then()
                .statusCode(401)
                .header("X-Request-Id", "metrics-test-1");
    }

    private static PrometheusText scrape() {
        return new PrometheusText(
                given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    private static double increase(PrometheusText before, PrometheusText after, String reason) {
        Map<String, String> labels = Map.of("reason", reason);
        assertThat(after.value(REJECTED, labels))
                .as("%s{reason=%s} on /q/metrics", REJECTED, reason)
                .isPresent();
        return after.valueOrZero(REJECTED, labels) - before.valueOrZero(REJECTED, labels);
    }

    private static double increase(PrometheusText before, PrometheusText after, Map<String, String> labels) {
        return after.valueOrZero(REQUESTS, labels) - before.valueOrZero(REQUESTS, labels);
    }

    private static String tampered(String token) {
        int signature = token.lastIndexOf('.') + 1;
        return token.substring(0, signature)
                + (token.charAt(signature) == 'A' ? 'B' : 'A')
                + token.substring(signature + 1);
    }

    private static String claim(String jwt, String name) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(payload)
                .path(name)
                .asText();
    }
}
