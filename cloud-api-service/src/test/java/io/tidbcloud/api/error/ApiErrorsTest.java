package io.tidbcloud.api.error;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What a client sees outside the happy path, and the operational endpoints. */
@QuarkusTest
class ApiErrorsTest {

    @Test
    void unknownPathIsNotFoundWithErrorBody() {
        given().when()
                .get("/v1beta1/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/json")
                .body("code", equalTo(5))
                .body("message", equalTo("No such resource"))
                .body("details", empty());
    }

    @Test
    void unsupportedMethodIsMethodNotAllowedWithErrorBody() {
        given().when()
                .delete("/v1beta1/projects")
                .then()
                .statusCode(405)
                .contentType("application/json")
                .body("code", equalTo(12))
                .body("details", empty())
                .body("$", not(hasKey("stackTrace")));
    }

    @Test
    void readinessIsUpWithTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiDocumentDescribesTheProjectListAndItsScope() {
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", hasKey("/v1beta1/projects"))
                .body("paths.'/v1beta1/projects'.get.description", containsString("project:read"));
    }
}
