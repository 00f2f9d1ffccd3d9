package io.tidbcloud.auth.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** auth-service against the test Keycloak (realm tidbcloud) and the test PostgreSQL. */
@QuarkusTest
class HealthTest {

    @Test
    void readinessIsUpWithKeycloakRealmAndDatabaseChecks() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'keycloak-realm' }.status", is("UP"))
                .body("checks.find { it.name == 'keycloak-realm' }.data.realm", startsWith("http"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void openApiDocumentNamesTheService() {
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("openapi", startsWith("3."))
                .body("info.title", is("TiDB Cloud auth-service"));
    }
}
