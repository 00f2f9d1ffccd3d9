package io.tidbcloud.auth.keycloak;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tidbcloud.auth.portal.PortalPeople;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keycloak's admin API unreachable (tokens still verify with the realm's keys): the person's API
 * answers 503 with code 14 and a message, never a 500; start-up did not need it.
 */
@QuarkusTest
@TestProfile(KeycloakDownTest.AdminApiUnreachable.class)
class KeycloakDownTest {

    public static class AdminApiUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // port 9 (discard): nothing listens on this machine
            return Map.of("quarkus.keycloak.admin-client.server-url", "http://127.0.0.1:9");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/me/authorizations", "/v1/me/sessions"})
    void adminApiDownIsServiceUnavailable(String path) throws Exception {
        given().auth()
                .oauth2(PortalPeople.alice())
                .when()
                .get(path)
                .then()
                .statusCode(503)
                .body("code", is(14))
                .body(
                        "message",
                        is("The authorization server (Keycloak) cannot serve this request now; try again later"))
                .body("details", empty());
    }
}
