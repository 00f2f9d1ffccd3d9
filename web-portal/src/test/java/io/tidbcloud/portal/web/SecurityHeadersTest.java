package io.tidbcloud.portal.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The security headers, on pages, on the stylesheet and on the sign-in redirect alike. */
@QuarkusTest
class SecurityHeadersTest {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @Test
    void everyPageHasTheContentSecurityPolicyWithoutInlineScriptsAndDeniesFraming() {
        Response page = given().when().get("/").then().statusCode(200).extract().response();

        URI keycloak = URI.create(realmUrl);
        assertEquals(
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        + "frame-ancestors 'none'; form-action 'self' " + keycloak.getScheme() + "://"
                        + keycloak.getAuthority() + "; base-uri 'none'; object-src 'none'",
                page.header("Content-Security-Policy"));
        assertFalse(page.header("Content-Security-Policy").contains("unsafe-inline"));
        assertEquals("DENY", page.header("X-Frame-Options"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("no-referrer", page.header("Referrer-Policy"));
        assertEquals("no-store", page.header("Cache-Control"));
    }

    @Test
    void pagesHaveNoInlineScriptOrStyle() {
        String html = given().when().get("/").then().statusCode(200).extract().asString();

        assertFalse(html.contains("<script"), "no script at all");
        assertFalse(html.contains("style="), "no inline style");
        assertFalse(html.contains("<style"), "no style element");
        assertTrue(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
    }

    @Test
    void theSignInRedirectCarriesTheHeadersToo() {
        given().redirects()
                .follow(false)
                .when()
                .get("/applications")
                .then()
                .statusCode(302)
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", not(org.hamcrest.Matchers.emptyOrNullString()));
    }

    @Test
    void theStylesheetMayBeCachedButHasTheOtherHeaders() {
        Response css = given().when()
                .get("/css/portal.css")
                .then()
                .statusCode(200)
                .extract()
                .response();

        assertEquals("nosniff", css.header("X-Content-Type-Options"));
        assertTrue(css.header("Cache-Control") == null
                || !css.header("Cache-Control").contains("no-store"));
    }

    @Test
    void anonymousVisitorsOfEveryPageAreSentToSignIn() {
        for (String path :
                List.of("/device", "/applications", "/sessions", "/developer/apps", "/projects", "/clusters")) {
            String location = given().redirects()
                    .follow(false)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(302)
                    .extract()
                    .header("Location");
            assertTrue(location.startsWith(realmUrl + "/protocol/openid-connect/auth?"), path + " -> " + location);
        }
    }
}
