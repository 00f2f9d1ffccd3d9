package io.tidbcloud.api.project;

import static io.restassured.RestAssured.given;
import static io.tidbcloud.api.testing.ApiRequests.defaultProjectOf;
import static io.tidbcloud.api.testing.ErrorResponses.badRequestNaming;
import static io.tidbcloud.api.testing.ErrorResponses.unauthorizedWithBareBearerChallenge;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tidbcloud.api.testing.KeycloakClients;
import io.tidbcloud.testsupport.TestClient;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET /v1beta1/projects/{id} and POST /v1beta1/projects with real tokens; alice and bob are separate tenants. */
@QuarkusTest
class ProjectApiTest {

    @RegisterExtension
    static final KeycloakClients keycloak = new KeycloakClients();

    private static TestClient alice;
    private static TestClient bob;

    @BeforeAll
    static void createClients() {
        alice = keycloak.create("project-api-alice", "project:read", "project:write", "cluster:read");
        bob = keycloak.create("project-api-bob", "project:read", "project:write");
    }

    @Test
    void getOwnProjectWithProjectReadScopeReturnsItInTiDBCloudShape() {
        String id = defaultProjectOf(alice);
        Map<String, Object> project = given().auth()
                .oauth2(alice.token("project:read"))
                .when()
                .get("/v1beta1/projects/" + id)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("id", equalTo(id))
                .body("name", equalTo("default"))
                .body("org_id", matchesPattern("\\d{19}"))
                .body("cluster_count", equalTo(0))
                .body("user_count", equalTo(1))
                .body("create_timestamp", matchesPattern("\\d{10}"))
                .extract()
                .jsonPath()
                .getMap("");
        assertEquals(
                Set.of("id", "org_id", "name", "cluster_count", "user_count", "create_timestamp"), project.keySet());
    }

    @Test
    void getAnotherUsersProjectIsNotFound() {
        given().auth()
                .oauth2(bob.token("project:read"))
                .when()
                .get("/v1beta1/projects/" + defaultProjectOf(alice))
                .then()
                .statusCode(404)
                .contentType("application/json")
                .body("code", equalTo(5))
                .body("message", startsWith("Project "))
                .body("details", empty());
    }

    @Test
    void getUnknownOrMalformedProjectIsNotFound() {
        given().auth()
                .oauth2(alice.token("project:read"))
                .get("/v1beta1/projects/1234567890123456789")
                .then()
                .statusCode(404)
                .body("code", equalTo(5));
        given().auth()
                .oauth2(alice.token("project:read"))
                .get("/v1beta1/projects/abc")
                .then()
                .statusCode(404)
                .body("code", equalTo(5));
    }

    @Test
    void getProjectWithoutProjectReadScopeIsForbidden() {
        given().auth()
                .oauth2(alice.token("cluster:read"))
                .when()
                .get("/v1beta1/projects/" + defaultProjectOf(alice))
                .then()
                .statusCode(403)
                .header("WWW-Authenticate", containsString("error=\"insufficient_scope\""))
                .header("WWW-Authenticate", containsString("scope=\"project:read\""))
                .body("code", equalTo(7));
    }

    @Test
    void getProjectWithoutTokenIsUnauthorized() {
        given().when().get("/v1beta1/projects/1234567890123456789").then().spec(unauthorizedWithBareBearerChallenge());
    }

    @Test
    void createProjectWithProjectWriteScopeAnswersCreatedAndTheCallerOwnsIt() {
        String name = "analytics-" + UUID.randomUUID().toString().substring(0, 6);
        String id = given().auth()
                .oauth2(alice.token("project:write"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", name))
                .when()
                .post("/v1beta1/projects")
                .then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/v1beta1/projects/\\d{19}"))
                .body("name", equalTo(name))
                .body("id", matchesPattern("\\d{19}"))
                .body("user_count", equalTo(1))
                .body("cluster_count", equalTo(0))
                .extract()
                .path("id");
        given().auth()
                .oauth2(alice.token("project:read"))
                .get("/v1beta1/projects")
                .then()
                .statusCode(200)
                .body("projects.id", hasItem(id));
        given().auth()
                .oauth2(alice.token("project:read"))
                .get("/v1beta1/projects/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo(name));
        given().auth()
                .oauth2(bob.token("project:read"))
                .get("/v1beta1/projects/" + id)
                .then()
                .statusCode(404);
    }

    @Test
    void createProjectWithoutProjectWriteScopeIsForbidden() {
        given().auth()
                .oauth2(alice.token("project:read"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "nope"))
                .when()
                .post("/v1beta1/projects")
                .then()
                .statusCode(403)
                .header("WWW-Authenticate", containsString("scope=\"project:write\""))
                .body("code", equalTo(7));
    }

    @Test
    void createProjectWithoutTokenIsUnauthorized() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "nope"))
                .when()
                .post("/v1beta1/projects")
                .then()
                .statusCode(401)
                .body("code", equalTo(16));
    }

    @Test
    void createProjectWithATakenNameIsConflict() {
        given().auth()
                .oauth2(alice.token("project:write"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "default"))
                .when()
                .post("/v1beta1/projects")
                .then()
                .statusCode(409)
                .body("code", equalTo(6))
                .body("message", containsString("default"));
    }

    @ParameterizedTest(name = "create with {0} is rejected naming {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"name\": \"\"}                                                                    | name",
                "{\"name\": \"   \"}                                                                 | name",
                "{}                                                                                  | name",
                "{\"name\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"} | name",
                "{\"name\": {\"x\": 1}}                                                              | name",
                "not json                                                                            | body",
            })
    void createProjectWithBadBodyIsBadRequestNamingTheField(String body, String field) {
        given().auth()
                .oauth2(alice.token("project:write"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1beta1/projects")
                .then()
                .spec(badRequestNaming(field));
    }
}
