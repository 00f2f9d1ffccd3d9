package io.tidbcloud.auth.apps;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.tidbcloud.auth.portal.PortalPeople;
import io.tidbcloud.auth.portal.RealmAdminReads;
import io.tidbcloud.testsupport.KeycloakAdmin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Registering, reading, rotating and deleting applications, and the Keycloak clients behind them. */
@QuarkusTest
class AppResourceTest {

    private static KeycloakAdmin admin;
    private final List<String[]> created = new ArrayList<>();

    @BeforeAll
    static void admin() {
        admin = KeycloakAdmin.fromEnvironment();
    }

    @AfterAll
    static void closeAdmin() {
        admin.close();
    }

    /** Apps a failed test left behind are deleted through the API, as their owner would. */
    @AfterEach
    void deleteLeftovers() {
        for (String[] app : created) {
            given().auth().oauth2(app[1]).delete("/v1/apps/" + app[0]);
        }
    }

    private ExtractableResponse<Response> register(String token, Map<String, Object> body) {
        ExtractableResponse<Response> response = given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .when()
                .post("/v1/apps")
                .then()
                .extract();
        if (response.statusCode() == 201) {
            created.add(new String[] {response.path("clientId"), token});
        }
        return response;
    }

    private static Map<String, Object> webApp(String name) {
        return Map.of(
                "name",
                name,
                "kind",
                "web",
                "redirectUris",
                List.of("https://app.example/callback", "http://localhost:3000/cb"),
                "scopes",
                List.of("cluster:read", "project:read"),
                "homepage",
                "https://app.example");
    }

    @Test
    void registeringAWebAppCreatesALockedDownConfidentialClientWithPkce() throws Exception {
        String alice = PortalPeople.alice();
        ExtractableResponse<Response> answer = register(alice, webApp(" My dashboard "));

        assertThat(answer.statusCode()).as(answer.body().asString()).isEqualTo(201);
        String clientId = answer.path("clientId");
        assertThat(clientId).matches("app-[a-z2-7]{20}");
        assertThat(answer.header("Location")).endsWith("/v1/apps/" + clientId);
        assertThat(answer.<String>path("name")).isEqualTo("My dashboard");
        assertThat(answer.<String>path("kind")).isEqualTo("web");
        assertThat(answer.<List<String>>path("redirectUris"))
                .containsExactly("https://app.example/callback", "http://localhost:3000/cb");
        assertThat(answer.<List<String>>path("scopes")).containsExactly("project:read", "cluster:read");
        assertThat(answer.<String>path("homepage")).isEqualTo("https://app.example");
        assertThat(answer.<String>path("created")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        String secret = answer.path("clientSecret");
        assertThat(secret).isNotBlank();

        JsonNode client = RealmAdminReads.client(admin, clientId).orElseThrow();
        assertThat(client.path("name").asText()).isEqualTo("My dashboard");
        assertThat(client.path("baseUrl").asText()).isEqualTo("https://app.example");
        assertThat(client.path("enabled").asBoolean()).isTrue();
        assertThat(client.path("publicClient").asBoolean()).isFalse();
        assertThat(client.path("clientAuthenticatorType").asText()).isEqualTo("client-secret");
        assertThat(client.path("consentRequired").asBoolean()).isTrue();
        assertThat(client.path("fullScopeAllowed").asBoolean()).isFalse();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isFalse();
        assertThat(client.path("frontchannelLogout").asBoolean()).isFalse();
        assertThat(client.path("attributes").path("pkce.code.challenge.method").asText())
                .isEqualTo("S256");
        assertThat(client.path("attributes").path("use.refresh.tokens").asText())
                .isEqualTo("true");
        assertThat(client.path("attributes")
                        .path("oauth2.device.authorization.grant.enabled")
                        .asText("false"))
                .isEqualTo("false");
        List<String> redirectUris = new ArrayList<>();
        client.path("redirectUris").forEach(uri -> redirectUris.add(uri.asText()));
        assertThat(redirectUris).containsExactlyInAnyOrder("https://app.example/callback", "http://localhost:3000/cb");
        assertThat(RealmAdminReads.scopeNames(admin, client, "default")).containsExactly("basic");
        assertThat(RealmAdminReads.scopeNames(admin, client, "optional"))
                .containsExactlyInAnyOrder("project:read", "cluster:read");
        assertThat(RealmAdminReads.secret(admin, client)).isEqualTo(secret);
    }

    @Test
    void registeredAppIsListedAndReadWithoutItsSecret() throws Exception {
        String alice = PortalPeople.alice();
        String clientId = register(alice, webApp("Listed app")).path("clientId");

        given().auth()
                .oauth2(alice)
                .when()
                .get("/v1/apps")
                .then()
                .statusCode(200)
                .body("apps[0].clientId", is(clientId))
                .body("apps[0].name", is("Listed app"))
                .body("apps.clientSecret", not(hasItem(notNullValue())));
        given().auth()
                .oauth2(alice)
                .when()
                .get("/v1/apps/" + clientId)
                .then()
                .statusCode(200)
                .body("clientId", is(clientId))
                .body("kind", is("web"))
                .body("scopes", is(List.of("project:read", "cluster:read")))
                .body("redirectUris", is(List.of("https://app.example/callback", "http://localhost:3000/cb")))
                .body("homepage", is("https://app.example"))
                .body("$", not(org.hamcrest.Matchers.hasKey("clientSecret")));
    }

    @Test
    void rotatingTheSecretReplacesItInKeycloak() throws Exception {
        String alice = PortalPeople.alice();
        ExtractableResponse<Response> app = register(alice, webApp("Rotated app"));
        String clientId = app.path("clientId");
        String first = app.path("clientSecret");

        String second = given().auth()
                .oauth2(alice)
                .when()
                .post("/v1/apps/" + clientId + "/secret")
                .then()
                .statusCode(200)
                .body("clientId", is(clientId))
                .extract()
                .path("clientSecret");

        assertThat(second).isNotBlank().isNotEqualTo(first);
        JsonNode client = RealmAdminReads.client(admin, clientId).orElseThrow();
        assertThat(RealmAdminReads.secret(admin, client)).isEqualTo(second);
    }

    @Test
    void registeringADeviceAppCreatesAPublicClientWithOnlyTheDeviceGrant() throws Exception {
        String alice = PortalPeople.alice();
        ExtractableResponse<Response> answer = register(
                alice,
                Map.of(
                        "name",
                        "My CLI",
                        "kind",
                        "device",
                        "redirectUris",
                        List.of(),
                        "scopes",
                        List.of("cluster:write")));

        assertThat(answer.statusCode()).as(answer.body().asString()).isEqualTo(201);
        assertThat(answer.<Object>path("clientSecret")).isNull();
        assertThat(answer.<Object>path("homepage")).isNull();
        assertThat(answer.body().asString()).contains("\"homepage\":null").doesNotContain("clientSecret");
        String clientId = answer.path("clientId");
        JsonNode client = RealmAdminReads.client(admin, clientId).orElseThrow();
        assertThat(client.path("publicClient").asBoolean()).isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isFalse();
        assertThat(client.path("consentRequired").asBoolean()).isTrue();
        assertThat(client.path("fullScopeAllowed").asBoolean()).isFalse();
        assertThat(client.path("attributes")
                        .path("oauth2.device.authorization.grant.enabled")
                        .asText())
                .isEqualTo("true");
        assertThat(client.path("attributes").path("use.refresh.tokens").asText())
                .isEqualTo("true");
        assertThat(client.path("redirectUris").size()).isZero();
        assertThat(RealmAdminReads.scopeNames(admin, client, "default")).containsExactly("basic");
        assertThat(RealmAdminReads.scopeNames(admin, client, "optional")).containsExactly("cluster:write");

        given().auth()
                .oauth2(alice)
                .when()
                .post("/v1/apps/" + clientId + "/secret")
                .then()
                .statusCode(400)
                .body("code", is(3))
                .body("message", is("A device application is a public client and has no secret."));
    }

    @Test
    void deletingAnAppDeletesItsKeycloakClient() throws Exception {
        String alice = PortalPeople.alice();
        String clientId = register(alice, webApp("Deleted app")).path("clientId");

        given().auth()
                .oauth2(alice)
                .when()
                .delete("/v1/apps/" + clientId)
                .then()
                .statusCode(204);

        assertThat(RealmAdminReads.client(admin, clientId)).isEmpty();
        given().auth()
                .oauth2(alice)
                .when()
                .get("/v1/apps/" + clientId)
                .then()
                .statusCode(404)
                .body("code", is(5))
                .body("message", is("No such application"));
        given().auth()
                .oauth2(alice)
                .when()
                .delete("/v1/apps/" + clientId)
                .then()
                .statusCode(404);
    }

    @Test
    void anotherPersonsAppIsNotFoundAndStaysUntouched() throws Exception {
        String alice = PortalPeople.alice();
        String carol = PortalPeople.carol();
        String clientId = register(alice, webApp("Alice's app")).path("clientId");

        given().auth()
                .oauth2(carol)
                .when()
                .get("/v1/apps/" + clientId)
                .then()
                .statusCode(404)
                .body("code", is(5));
        given().auth()
                .oauth2(carol)
                .when()
                .post("/v1/apps/" + clientId + "/secret")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(carol)
                .when()
                .delete("/v1/apps/" + clientId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(carol)
                .when()
                .get("/v1/apps")
                .then()
                .statusCode(200)
                .body("apps.clientId", not(hasItem(clientId)));

        assertThat(RealmAdminReads.client(admin, clientId)).isPresent();
        given().auth().oauth2(alice).when().get("/v1/apps/" + clientId).then().statusCode(200);
    }

    @Test
    void clientsAuthServiceDidNotRegisterAreNotFoundAndStayUntouched() throws Exception {
        String alice = PortalPeople.alice();
        for (String clientId : List.of("web-portal", "ticloud-cli", "auth-service")) {
            given().auth()
                    .oauth2(alice)
                    .when()
                    .get("/v1/apps/" + clientId)
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(alice)
                    .when()
                    .post("/v1/apps/" + clientId + "/secret")
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(alice)
                    .when()
                    .delete("/v1/apps/" + clientId)
                    .then()
                    .statusCode(404);
            assertThat(RealmAdminReads.client(admin, clientId)).as(clientId).isPresent();
        }
    }

    @Test
    void brokenRulesAreBadRequestsNamingTheField() throws Exception {
        String alice = PortalPeople.alice();
        Map<String, String> cases = Map.of(
                "{\"name\":\"A\",\"kind\":\"web\",\"redirectUris\":[\"https://a.example/*\"],\"scopes\":[\"project:read\"]}",
                "redirectUris[0] must be exact: no wildcard (*)",
                "{\"name\":\"A\",\"kind\":\"web\",\"redirectUris\":[\"http://a.example/cb\"],\"scopes\":[\"project:read\"]}",
                "redirectUris[0] must use https (http only for localhost, 127.0.0.1 or [::1])",
                "{\"name\":\" \",\"kind\":\"device\",\"scopes\":[\"project:read\"]}",
                "name is required",
                "{\"name\":\"A\",\"kind\":\"device\",\"scopes\":[\"admin\"]}",
                "scopes: unknown scope \"admin\"; choose from project:read, project:write, cluster:read, cluster:write",
                "{\"name\":\"A\",\"kind\":\"spa\",\"scopes\":[\"project:read\"]}",
                "kind must be web or device",
                "{\"name\":\"A\",\"kind\":\"device\",\"scopes\":\"project:read\"}",
                "scopes has the wrong type for this operation");
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            given().auth()
                    .oauth2(alice)
                    .contentType("application/json")
                    .body(bad.getKey())
                    .when()
                    .post("/v1/apps")
                    .then()
                    .statusCode(400)
                    .body("code", is(3))
                    .body("message", is(bad.getValue()))
                    .body("details", empty());
        }
    }

    @Test
    void aPersonOwnsAtMostTwentyFiveApps() throws Exception {
        String carol = PortalPeople.carol();
        int owned =
                given().auth().oauth2(carol).get("/v1/apps").then().extract().path("apps.size()");
        for (int i = owned; i < 25; i++) {
            ExtractableResponse<Response> app = register(
                    carol, Map.of("name", "Carol's app " + i, "kind", "device", "scopes", List.of("project:read")));
            assertThat(app.statusCode()).as(app.body().asString()).isEqualTo(201);
        }

        given().auth()
                .oauth2(carol)
                .contentType("application/json")
                .body(Map.of("name", "One too many", "kind", "device", "scopes", List.of("project:read")))
                .when()
                .post("/v1/apps")
                .then()
                .statusCode(409)
                .body("code", is(6))
                .body("message", is("You already own 25 applications, the most allowed; delete one first"));
    }
}
