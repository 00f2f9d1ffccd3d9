package io.tidbcloud.auth.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tidbcloud.auth.portal.PortalPeople;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The person's sessions and authorizations as the portal lists them; others' are not found. */
@QuarkusTest
class SessionResourceTest {

    private static JsonNode claims(String jwt) throws Exception {
        return new ObjectMapper()
                .readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @Test
    void sessionsListThePortalsOwnBrowserSessionAsCurrent() throws Exception {
        String alice = PortalPeople.alice();
        String sid = claims(alice).path("sid").asText();

        JsonPath sessions = given().auth()
                .oauth2(alice)
                .when()
                .get("/v1/me/sessions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        List<Map<String, Object>> current = sessions.getList("sessions.findAll { it.current == true }");
        assertThat(current).hasSize(1);
        assertThat(current.get(0))
                .containsEntry("id", sid)
                .containsEntry("kind", "browser")
                .containsEntry("offline", false)
                .containsEntry("address", "127.0.0.1");
        assertThat(current.get(0).get("started").toString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(current.get(0).get("clients"))
                .isEqualTo(List.of(Map.of("clientId", "web-portal", "name", "TiDB Cloud web portal")));
        List<String> lastActive = sessions.getList("sessions.lastActive");
        assertThat(lastActive).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void anotherPersonsSessionIsNotFound() throws Exception {
        String aliceSession = claims(PortalPeople.alice()).path("sid").asText();

        given().auth()
                .oauth2(PortalPeople.carol())
                .when()
                .delete("/v1/me/sessions/" + aliceSession)
                .then()
                .statusCode(404)
                .body("code", is(5))
                .body("message", is("No such session"));
        given().auth()
                .oauth2(PortalPeople.alice())
                .when()
                .get("/v1/me/sessions")
                .then()
                .statusCode(200)
                .body("sessions.find { it.id == '" + aliceSession + "' }.current", is(true));
    }

    @Test
    void unknownSessionIsNotFound() throws Exception {
        given().auth()
                .oauth2(PortalPeople.alice())
                .when()
                .delete("/v1/me/sessions/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(404)
                .body("code", is(5));
    }

    @Test
    void authorizationsListOnlyConsentedClientsAndNeverThePortal() throws Exception {
        given().auth()
                .oauth2(PortalPeople.alice())
                .when()
                .get("/v1/me/authorizations")
                .then()
                .statusCode(200)
                .body("authorizations.findAll { it.clientId == 'web-portal' }.size()", is(0));
    }

    @Test
    void revokingAnAuthorizationThePersonNeverGaveIsNotFound() throws Exception {
        given().auth()
                .oauth2(PortalPeople.carol())
                .when()
                .delete("/v1/me/authorizations/no-such-client")
                .then()
                .statusCode(404)
                .body("code", is(5))
                .body("message", is("No such authorization"));
    }
}
