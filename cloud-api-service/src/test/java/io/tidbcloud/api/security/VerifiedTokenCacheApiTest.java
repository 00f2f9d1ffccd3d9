package io.tidbcloud.api.security;

import static io.restassured.RestAssured.given;
import static io.tidbcloud.api.testing.ErrorResponses.unauthorizedAsInvalidToken;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tidbcloud.api.testing.KeycloakClients;
import io.tidbcloud.testsupport.TestClient;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A token that has been verified once is remembered (VerifiedTokenCache), and remembering it must
 * change nothing a client can see: it still expires on time, and every request is still checked
 * for the endpoint's scope.
 */
@QuarkusTest
class VerifiedTokenCacheApiTest {

    @Inject
    VerifiedTokenCache cache;

    @RegisterExtension
    static final KeycloakClients keycloak = new KeycloakClients();

    private static TestClient shortLived;
    private static TestClient reader;

    @BeforeAll
    static void createClients() {
        shortLived = keycloak.create("cache-short", "cluster:read");
        keycloak.admin().setAccessTokenLifespan(shortLived, Duration.ofSeconds(3));
        reader = keycloak.create("cache-reader", "cluster:read", "cluster:write");
    }

    @Test
    void aRememberedTokenIsRefusedAsInvalidTokenOnceItHasExpired() throws InterruptedException {
        String token = shortLived.token("cluster:read");
        Instant expiry = Instant.ofEpochSecond(claims(token).path("exp").asLong());
        given().auth().oauth2(token).get("/v1beta1/clusters").then().statusCode(200);
        assertTrue(cache.remembers(token), "the verified token should be remembered");
        given().auth().oauth2(token).get("/v1beta1/clusters").then().statusCode(200);

        Duration untilExpired = Duration.between(Instant.now(), expiry.plusMillis(1100));
        assertTrue(untilExpired.toSeconds() < 10, "the client's tokens should live 3 s, this one until " + expiry);
        Thread.sleep(Math.max(0, untilExpired.toMillis()));

        given().auth().oauth2(token).get("/v1beta1/clusters").then().spec(unauthorizedAsInvalidToken());
        assertFalse(cache.remembers(token), "an expired token should be forgotten");
    }

    @Test
    void aRememberedTokenIsStillCheckedForEachEndpointsScope() {
        String readOnly = reader.token("cluster:read");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(readOnly).get("/v1beta1/clusters").then().statusCode(200);
            assertTrue(cache.remembers(readOnly), "the verified token should be remembered");
            given().auth()
                    .oauth2(readOnly)
                    .contentType(ContentType.JSON)
                    .body(Map.of("displayName", "cache-denied", "region", Map.of("name", "regions/aws-us-east-1")))
                    .post("/v1beta1/clusters")
                    .then()
                    .statusCode(403)
                    .header("WWW-Authenticate", containsString("error=\"insufficient_scope\""))
                    .header("WWW-Authenticate", containsString("scope=\"cluster:write\""));
        }
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsRefused() {
        String token = reader.token("cluster:read");
        given().auth().oauth2(token).get("/v1beta1/clusters").then().statusCode(200);
        int signature = token.lastIndexOf('.') + 1;
        String tampered = token.substring(0, signature)
                + (token.charAt(signature) == 'A' ? 'B' : 'A')
                + token.substring(signature + 1);
        given().auth()
                .oauth2(tampered)
                .get("/v1beta1/clusters")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""));
        assertTrue(cache.remembers(token));
        assertFalse(cache.remembers(tampered), "a refused token should not be remembered");
        given().auth().oauth2(token).get("/v1beta1/clusters").then().statusCode(200);
    }

    private static JsonNode claims(String jwt) {
        try {
            String payload = jwt.split("\\.")[1];
            return new ObjectMapper()
                    .readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
