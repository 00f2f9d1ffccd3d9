package io.tidbcloud.portal.session;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The sign-out form post is refused (403) without the CSRF double-submit token. */
@QuarkusTest
class SignOutCsrfTest {

    @Test
    void signOutWithoutCsrfTokenIsForbidden() {
        given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("anything", "x")
                .when()
                .post("/signout")
                .then()
                .statusCode(403);
    }

    @Test
    void signOutWithCsrfCookieButWrongFormTokenIsForbidden() {
        String cookie = given().when().get("/").then().statusCode(200).extract().cookie("csrf-token");

        given().redirects()
                .follow(false)
                .cookie("csrf-token", cookie)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", "not-the-token")
                .when()
                .post("/signout")
                .then()
                .statusCode(403);
    }

    @Test
    void signOutWithMatchingCsrfTokenForAVisitorGoesHome() {
        String cookie = given().when().get("/").then().statusCode(200).extract().cookie("csrf-token");

        given().redirects()
                .follow(false)
                .cookie("csrf-token", cookie)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", cookie)
                .when()
                .post("/signout")
                .then()
                .statusCode(303)
                .header("Location", "http://localhost:18082/");
    }
}
