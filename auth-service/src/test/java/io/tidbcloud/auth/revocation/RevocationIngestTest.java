package io.tidbcloud.auth.revocation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Keycloak's listener delivering revocations: the shared secret, the shape, and idempotence. */
@QuarkusTest
class RevocationIngestTest {

    private static final String SECRET = "test-events-secret";

    /** A logout, as Keycloak's listener delivers it (contract/README.md). */
    static String sessionRevocation(String id, String sessionId) {
        long now = System.currentTimeMillis() / 1000;
        return """
                [{"jti":"%s","iss":"http://localhost:18180/realms/tidbcloud","iat":%d,
                  "sub_id":{"format":"complex",
                            "user":{"format":"iss_sub","iss":"http://localhost:18180/realms/tidbcloud","sub":"user-1"},
                            "session":{"format":"opaque","id":"%s"}},
                  "events":{"https://schemas.openid.net/secevent/caep/event-type/session-revoked":
                            {"event_timestamp":%d,"initiating_entity":"user","reason_admin":{"en":"LOGOUT"},"max_token_exp":%d}}}]""".formatted(id, now, sessionId, now, now + 330);
    }

    @Test
    void deliveryWithoutSecretIsUnauthorized() {
        given().contentType("application/json")
                .body(sessionRevocation(UUID.randomUUID().toString(), "s1"))
                .when()
                .post("/internal/revocation-events")
                .then()
                .statusCode(401)
                .body("code", is(16))
                .body("message", is("Missing or wrong X-Tidbcloud-Events-Secret"));
    }

    @Test
    void deliveryWithWrongSecretIsUnauthorized() {
        given().contentType("application/json")
                .header("X-Tidbcloud-Events-Secret", "not-it")
                .body(sessionRevocation(UUID.randomUUID().toString(), "s1"))
                .when()
                .post("/internal/revocation-events")
                .then()
                .statusCode(401)
                .body("code", is(16))
                .body("message", is("Missing or wrong X-Tidbcloud-Events-Secret"));
    }

    @Test
    void deliveryWithSecretIsStored() {
        given().contentType("application/json")
                .header("X-Tidbcloud-Events-Secret", SECRET)
                .body(sessionRevocation(UUID.randomUUID().toString(), "s2"))
                .when()
                .post("/internal/revocation-events")
                .then()
                .statusCode(204);
    }

    @Test
    void repeatedDeliveryOfTheSameRevocationIsAcceptedAgain() {
        String body = sessionRevocation(UUID.randomUUID().toString(), "s3");
        for (int i = 0; i < 2; i++) {
            given().contentType("application/json")
                    .header("X-Tidbcloud-Events-Secret", SECRET)
                    .body(body)
                    .when()
                    .post("/internal/revocation-events")
                    .then()
                    .statusCode(204);
        }
    }

    @Test
    void revocationThatNamesNoSessionTokenUserOrApplicationIsBadRequest() {
        long now = System.currentTimeMillis() / 1000;
        given().contentType("application/json")
                .header("X-Tidbcloud-Events-Secret", SECRET)
                .body("[{\"jti\":\"x-" + now + "\",\"iss\":\"http://localhost:18180/realms/tidbcloud\",\"iat\":" + now
                        + ",\"sub_id\":{\"format\":\"complex\",\"tenant\":{\"format\":\"opaque\",\"id\":\"org-1\"}},"
                        + "\"events\":{\"https://schemas.openid.net/secevent/caep/event-type/session-revoked\":"
                        + "{\"event_timestamp\":" + now + ",\"max_token_exp\":" + (now + 300) + "}}}]")
                .when()
                .post("/internal/revocation-events")
                .then()
                .statusCode(400)
                .body("code", is(3))
                .body(
                        "message",
                        is("sub_id names no token (jwt_id), session, user or application (complex or iss_sub)"));
    }

    @Test
    void emptyDeliveryIsBadRequest() {
        given().contentType("application/json")
                .header("X-Tidbcloud-Events-Secret", SECRET)
                .body("[]")
                .when()
                .post("/internal/revocation-events")
                .then()
                .statusCode(400)
                .body("code", is(3))
                .body("details", empty());
    }
}
