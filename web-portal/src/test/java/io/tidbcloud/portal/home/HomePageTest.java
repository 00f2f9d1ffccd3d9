package io.tidbcloud.portal.home;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HomePageTest {

    @Test
    void anonymousHomePageLinksBothProvidersWithTheirIdpHint() {
        given().when()
                .get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Sign in to TiDB Cloud"))
                .body(containsString("href=\"/signin?kc_idp_hint=google\""))
                .body(containsString("href=\"/signin?kc_idp_hint=microsoft\""))
                .body(not(containsString("Signed in as")));
    }

    @Test
    void stylesheetIsServedLocally() {
        given().when().get("/css/portal.css").then().statusCode(200).contentType(containsString("text/css"));
    }

    @Test
    void csrfCookieIsHttpOnlyAndSameSiteLax() {
        String setCookie =
                given().when().get("/").then().statusCode(200).extract().header("Set-Cookie");
        assertTrue(setCookie.startsWith("csrf-token="), setCookie);
        assertTrue(setCookie.toLowerCase().contains("; httponly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("; samesite=lax"), setCookie);
    }

    @Test
    void readinessIsUpWhenKeycloakAnswers() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("OIDC Provider Health Check"));
    }
}
