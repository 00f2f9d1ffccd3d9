package io.tidbcloud.api.project;

import static io.restassured.RestAssured.given;
import static io.tidbcloud.api.testing.ErrorResponses.badRequestNaming;
import static io.tidbcloud.api.testing.ErrorResponses.forbiddenWithoutScope;
import static io.tidbcloud.api.testing.ErrorResponses.unauthorizedAsInvalidToken;
import static io.tidbcloud.api.testing.ErrorResponses.unauthorizedWithBareBearerChallenge;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tidbcloud.api.testing.KeycloakClients;
import io.tidbcloud.testsupport.TestClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET /v1beta1/projects with real tokens of the test Keycloak; each test client is its own tenant. */
@QuarkusTest
class ProjectListTest {

    @RegisterExtension
    static final KeycloakClients keycloak = new KeycloakClients();

    private static TestClient alice;
    private static TestClient bob;

    @BeforeAll
    static void createClients() {
        alice = keycloak.create("projects-alice", "project:read", "cluster:read");
        bob = keycloak.create("projects-bob", "project:read");
    }

    @Test
    void listProjectsWithProjectReadScopeReturnsTheDefaultProjectInTiDBCloudShape() {
        long before = Instant.now().getEpochSecond();
        JsonPath body = given().auth()
                .oauth2(alice.token("project:read"))
                .when()
                .get("/v1beta1/projects")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("projects", hasSize(1))
                .body("nextPageToken", equalTo(""))
                .body("totalSize", equalTo(1))
                .extract()
                .jsonPath();

        Map<String, Object> project = body.getMap("projects[0]");
        assertEquals(
                Set.of("id", "org_id", "name", "cluster_count", "user_count", "create_timestamp"), project.keySet());
        assertEquals("default", project.get("name"));
        assertTrue(
                project.get("id") instanceof String id && id.matches("\\d{19}"), "id is a 19-digit string: " + project);
        assertTrue(
                project.get("org_id") instanceof String org && org.matches("\\d{19}"),
                "org_id is a 19-digit string: " + project);
        assertEquals(0, project.get("cluster_count"));
        assertEquals(1, project.get("user_count"));
        long created = Long.parseLong((String) project.get("create_timestamp"));
        assertTrue(
                created >= before - 60 && created <= Instant.now().getEpochSecond() + 1,
                "create_timestamp is Unix seconds of now");
        assertEquals(
                Set.of("projects", "nextPageToken", "totalSize"),
                body.getMap("").keySet());
    }

    @Test
    void listProjectsTwiceReturnsTheSameDefaultProject() {
        String first = given().auth()
                .oauth2(alice.token("project:read"))
                .get("/v1beta1/projects")
                .then()
                .statusCode(200)
                .extract()
                .path("projects[0].id");
        given().auth()
                .oauth2(alice.token("project:read"))
                .get("/v1beta1/projects")
                .then()
                .statusCode(200)
                .body("totalSize", equalTo(1))
                .body("projects[0].id", equalTo(first));
    }

    @Test
    void listProjectsWithoutProjectReadScopeIsForbiddenWithInsufficientScope() {
        given().auth()
                .oauth2(alice.token("cluster:read"))
                .when()
                .get("/v1beta1/projects")
                .then()
                .spec(forbiddenWithoutScope("project:read"));
    }

    @Test
    void listProjectsWithoutTokenIsUnauthorizedWithBareBearerChallenge() {
        given().when()
                .get("/v1beta1/projects")
                .then()
                .spec(unauthorizedWithBareBearerChallenge())
                .contentType("application/json")
                .body("message", not(empty()))
                .body("details", empty());
    }

    @Test
    void listProjectsWithGarbageTokenIsUnauthorizedAsInvalidToken() {
        given().auth()
                .oauth2("not-a-jwt")
                .when()
                .get("/v1beta1/projects")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer "))
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .header("WWW-Authenticate", containsString("error_description=\""))
                .contentType("application/json")
                .body("code", equalTo(16))
                .body("details", empty());
    }

    @Test
    void listProjectsWithTamperedSignatureIsUnauthorizedAsInvalidToken() {
        String token = alice.token("project:read");
        String tampered = token.substring(0, token.lastIndexOf('.') + 1)
                + new StringBuilder(token.substring(token.lastIndexOf('.') + 1)).reverse();
        given().auth().oauth2(tampered).when().get("/v1beta1/projects").then().spec(unauthorizedAsInvalidToken());
    }

    @Test
    void listProjectsWithTokenNotForCloudApiAudienceIsUnauthorizedAsInvalidToken() {
        // No API scope requested, so Keycloak adds no cloud-api audience.
        given().auth()
                .oauth2(alice.token())
                .when()
                .get("/v1beta1/projects")
                .then()
                .spec(unauthorizedAsInvalidToken());
    }

    @Test
    void twoUsersSeeOnlyTheirOwnProjects() {
        JsonPath aliceView = given().auth()
                .oauth2(alice.token("project:read"))
                .get("/v1beta1/projects")
                .then()
                .statusCode(200)
                .body("totalSize", equalTo(1))
                .extract()
                .jsonPath();
        JsonPath bobView = given().auth()
                .oauth2(bob.token("project:read"))
                .get("/v1beta1/projects")
                .then()
                .statusCode(200)
                .body("totalSize", equalTo(1))
                .extract()
                .jsonPath();

        assertNotEquals(aliceView.getString("projects[0].id"), bobView.getString("projects[0].id"));
        assertNotEquals(aliceView.getString("projects[0].org_id"), bobView.getString("projects[0].org_id"));
        assertEquals("default", bobView.getString("projects[0].name"));
    }

    @Test
    void concurrentFirstCallsOfANewUserCreateOneOrganizationAndOneDefaultProject() throws Exception {
        TestClient carol = keycloak.create("projects-carol", "project:read");
        String token = carol.token("project:read");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<String>> calls = IntStream.range(0, 6)
                    .<Callable<String>>mapToObj(i -> () -> given().auth()
                            .oauth2(token)
                            .get("/v1beta1/projects")
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("projects[0].id"))
                    .toList();
            List<String> ids = pool.invokeAll(calls).stream()
                    .map(ProjectListTest::join)
                    .distinct()
                    .toList();
            assertEquals(1, ids.size(), "every concurrent first call sees the same default project: " + ids);
        } finally {
            pool.shutdownNow();
        }
        given().auth()
                .oauth2(token)
                .get("/v1beta1/projects")
                .then()
                .statusCode(200)
                .body("totalSize", equalTo(1))
                .body("projects[0].name", equalTo("default"));
    }

    @Test
    void pageBeyondTheLastReturnsNoProjectsAndTheTotal() {
        given().auth()
                .oauth2(alice.token("project:read"))
                .queryParam("page", 2)
                .queryParam("page_size", 10)
                .when()
                .get("/v1beta1/projects")
                .then()
                .statusCode(200)
                .body("projects", empty())
                .body("nextPageToken", equalTo(""))
                .body("totalSize", equalTo(1));
    }

    @ParameterizedTest(name = "{0}={1} is rejected naming {0}")
    @CsvSource({
        "page, 0",
        "page, -1",
        "page, abc",
        "page_size, 0",
        "page_size, 1000",
        "page_size, 101",
        "page_size, abc",
        "pageSize, -5",
        "pageToken, forged-token",
    })
    void listProjectsWithBadPagingParameterIsBadRequestNamingTheParameter(String parameter, String value) {
        given().auth()
                .oauth2(alice.token("project:read"))
                .queryParam(parameter, value)
                .when()
                .get("/v1beta1/projects")
                .then()
                .spec(badRequestNaming(parameter))
                .contentType("application/json");
    }

    @Test
    void largestAllowedPageSizeIsAccepted() {
        given().auth()
                .oauth2(alice.token("project:read"))
                .queryParam("page", 1)
                .queryParam("page_size", 100)
                .when()
                .get("/v1beta1/projects")
                .then()
                .statusCode(200)
                .body("projects[0].id", matchesPattern("\\d{19}"));
    }

    private static String join(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
