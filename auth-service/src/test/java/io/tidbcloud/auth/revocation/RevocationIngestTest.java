package io.tidbcloud.auth.revocation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Keycloak's listener delivering revocations: the shared secret, the shape, and idempotence. */
@QuarkusTest
class RevocationIngestTest {

    private static final String SECRET = "test-events-secret";

    static String sessionRevocation(String id, String sessionId) {
        long now = System.currentTimeMillis();
        return """
                [{"id":"%s","covers":"SESSION","cause":"LOGOUT","realm":"tidbcloud","subject":"user-1",
                  "sessionId":"%s","time":%d,"expiresAt":%d}]""".formatted(id, sessionId, now, now + 330_000);
    }

    @Test
    void deliveryWithoutSecretIsUnauthorized() {
        given().contentType("application/json").body(sessionRevocation(UUID.randomUUID().toString(), "s1"))
                .when().post("/internal/revocation-events")
                .then().statusCode(401).body("error", is("unauthorized"));
    }

    @Test
    void deliveryWithWrongSecretIsUnauthorized() {
        given().contentType("application/json").header("X-Tidbcloud-Events-Secret", "not-it")
                .body(sessionRevocation(UUID.randomUUID().toString(), "s1"))
                .when().post("/internal/revocation-events")
                .then().statusCode(401).body("error", is("unauthorized"));
    }

    @Test
    void deliveryWithSecretIsStored() {
        given().contentType("application/json").header("X-Tidbcloud-Events-Secret", SECRET)
                .body(sessionRevocation(UUID.randomUUID().toString(), "s2"))
                .when().post("/internal/revocation-events")
                .then().statusCode(204);
    }

    @Test
    void repeatedDeliveryOfTheSameRevocationIsAcceptedAgain() {
        String body = sessionRevocation(UUID.randomUUID().toString(), "s3");
        for (int i = 0; i < 2; i++) {
            given().contentType("application/json").header("X-Tidbcloud-Events-Secret", SECRET).body(body)
                    .when().post("/internal/revocation-events")
                    .then().statusCode(204);
        }
    }

    @Test
    void sessionRevocationWithoutSessionIdIsBadRequest() {
        long now = System.currentTimeMillis();
        given().contentType("application/json").header("X-Tidbcloud-Events-Secret", SECRET)
                .body("[{\"id\":\"x-" + now + "\",\"covers\":\"SESSION\",\"cause\":\"LOGOUT\",\"time\":" + now + ",\"expiresAt\":" + now + "}]")
                .when().post("/internal/revocation-events")
                .then().statusCode(400).body("error", is("invalid_request"))
                .body("error_description", is("SESSION needs sessionId"));
    }

    @Test
    void emptyDeliveryIsBadRequest() {
        given().contentType("application/json").header("X-Tidbcloud-Events-Secret", SECRET).body("[]")
                .when().post("/internal/revocation-events")
                .then().statusCode(400).body("error", is("invalid_request"));
    }
}
