package io.tidbcloud.api.database;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tidbcloud.api.testing.ApiRequests;
import io.tidbcloud.api.testing.Await;
import io.tidbcloud.api.testing.FlakyDatabase;
import io.tidbcloud.api.testing.KeycloakClients;
import io.tidbcloud.testsupport.TcpLink;
import io.tidbcloud.testsupport.TestClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The database over time: a service that has sat idle until its pool dropped every connection
 * still serves a newcomer and an existing user (the embedded H2 default broke exactly there), and
 * a database that cannot be reached makes the API answer 503 UNAVAILABLE and readiness go DOWN,
 * never 500 and never a healthy look, until it is back.
 */
@QuarkusTest
@WithTestResource(FlakyDatabase.class)
class DatabaseAvailabilityTest {

    @RegisterExtension
    static final KeycloakClients keycloak = new KeycloakClients();

    @Test
    void afterThePoolDroppedEveryIdleConnectionANewcomerAndAnExistingUserAreServed() {
        TestClient existing = keycloak.create("idle-existing", "project:read", "project:write");
        ApiRequests.defaultProjectOf(existing);

        // The pool (idle removal every second in this test, every 5 minutes by default) closes
        // every connection, including the one that ran the migrations at start-up.
        TcpLink database = FlakyDatabase.link();
        assertTrue(database.acceptedConnections() > 0, "the service should have connected through the link");
        Await.until(
                "the pool has closed every idle connection",
                Duration.ofSeconds(15),
                () -> database.openConnections() == 0);
        int before = database.acceptedConnections();

        TestClient newcomer = keycloak.create("idle-newcomer", "project:read", "project:write");
        ApiRequests.defaultProjectOf(newcomer);
        ApiRequests.createProject(newcomer, "after-idle-" + ApiRequests.shortId());
        ApiRequests.createProject(existing, "after-idle-" + ApiRequests.shortId());
        given().auth()
                .oauth2(existing.token("project:read"))
                .get("/v1beta1/projects")
                .then()
                .statusCode(200)
                .body("totalSize", equalTo(2));
        assertTrue(database.acceptedConnections() > before, "the calls should have run on new connections");
    }

    @Test
    void whileTheDatabaseCannotBeReachedTheApiAnswersUnavailableAndIsNotReadyUntilItIsBack() throws Exception {
        TestClient existing = keycloak.create("outage-existing", "project:read", "project:write");
        String project = ApiRequests.defaultProjectOf(existing);
        TestClient newcomer = keycloak.create("outage-newcomer", "project:read");

        FlakyDatabase.link().cut();
        try {
            unavailable(given().auth().oauth2(existing.token("project:read")).get("/v1beta1/projects/" + project));
            unavailable(given().auth()
                    .oauth2(existing.token("project:write"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("name", "during-outage"))
                    .post("/v1beta1/projects"));
            unavailable(given().auth().oauth2(newcomer.token("project:read")).get("/v1beta1/projects"));

            JsonPath readiness = given().get("/q/health/ready")
                    .then()
                    .statusCode(503)
                    .extract()
                    .jsonPath();
            assertTrue(
                    readiness
                            .getList("checks.findAll { it.name.contains('Database') }.status")
                            .contains("DOWN"),
                    "the database check should say DOWN: " + readiness.prettify());
            // Liveness stays UP: restarting the service would not bring the database back.
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            FlakyDatabase.link().restore();
        }

        Await.until(
                "the service is ready again",
                Duration.ofSeconds(30),
                () -> given().get("/q/health/ready").statusCode() == 200);
        given().auth()
                .oauth2(existing.token("project:read"))
                .get("/v1beta1/projects/" + project)
                .then()
                .statusCode(200)
                .body("name", equalTo("default"));
        given().auth()
                .oauth2(newcomer.token("project:read"))
                .get("/v1beta1/projects")
                .then()
                .statusCode(200)
                .body("projects.name", hasItem("default"));
        // Nothing half-done during the outage: the refused create left no project behind.
        given().auth()
                .oauth2(existing.token("project:read"))
                .get("/v1beta1/projects")
                .then()
                .statusCode(200)
                .body("projects.name", org.hamcrest.Matchers.not(hasItem("during-outage")));
    }

    private static void unavailable(io.restassured.response.Response response) {
        response.then()
                .statusCode(503)
                .contentType(ContentType.JSON)
                .header("Retry-After", "5")
                .body("code", equalTo(14))
                .body("message", containsString("database"))
                .body("details", org.hamcrest.Matchers.empty());
    }
}
