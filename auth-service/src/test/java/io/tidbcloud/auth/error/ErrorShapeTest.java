package io.tidbcloud.auth.error;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The framework's own errors answer with the same body as cloud-api's (the resource-server library's mapper). */
@QuarkusTest
class ErrorShapeTest {

    @Test
    void unknownPathIsNotFoundWithTheErrorBody() {
        given().when()
                .get("/v1/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/json")
                .body("code", is(5))
                .body("message", is("No such resource"))
                .body("details", empty());
    }

    @Test
    void wrongMethodIsMethodNotAllowedWithTheErrorBody() {
        given().when()
                .delete("/internal/revocation-events")
                .then()
                .statusCode(405)
                .body("code", is(12))
                .body("details", empty());
    }
}
