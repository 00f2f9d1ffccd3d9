package io.tidbcloud.portal.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The authorization request the portal sends, and its cookies, as seen on the wire. */
@QuarkusTest
class SignInRedirectTest {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @Test
    void signInRedirectsToKeycloakWithPkceS256TheExactCallbackAndTheIdpHint() {
        Response response = given().redirects()
                .follow(false)
                .when()
                .get("/signin?kc_idp_hint=microsoft")
                .then()
                .statusCode(302)
                .extract()
                .response();

        URI location = URI.create(response.header("Location"));
        assertEquals(
                realmUrl + "/protocol/openid-connect/auth",
                location.getScheme() + "://" + location.getAuthority() + location.getPath());
        Map<String, String> query = query(location);
        assertEquals("code", query.get("response_type"));
        assertEquals("web-portal", query.get("client_id"));
        assertEquals("http://localhost:18082/auth/callback", query.get("redirect_uri"));
        assertEquals("S256", query.get("code_challenge_method"));
        assertEquals(43, query.get("code_challenge").length(), "base64url SHA-256 of the verifier");
        assertEquals("microsoft", query.get("kc_idp_hint"));
        assertTrue(query.get("scope").contains("openid"), query.get("scope"));
        assertTrue(query.containsKey("state"));

        String stateCookie = response.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("q_auth"))
                .findFirst()
                .orElseThrow();
        assertTrue(stateCookie.toLowerCase().contains("; httponly"), stateCookie);
        assertTrue(stateCookie.toLowerCase().contains("; samesite=lax"), stateCookie);
        assertTrue(!stateCookie.contains(query.get("code_challenge")), "the verifier travels encrypted");
    }

    @Test
    void callbackWithoutSignInInProgressSendsThePersonHome() {
        given().redirects()
                .follow(false)
                .when()
                .get("/auth/callback?code=stale&state=stale")
                .then()
                .statusCode(303)
                .header("Location", "http://localhost:18082/");
    }

    @Test
    void cancelledSignInShowsWhyAndOffersTheButtonsAgain() {
        given().when()
                .get("/signin/error?error=access_denied&error_description=User+cancelled")
                .then()
                .statusCode(200)
                .body(containsString("Sign-in was cancelled."))
                .body(containsString("href=\"/signin?kc_idp_hint=google\""));
    }

    @Test
    void unknownSignInErrorIsNotEchoedBackToThePage() {
        given().when()
                .get("/signin/error?error=%3Cscript%3Ealert(1)%3C/script%3E")
                .then()
                .statusCode(200)
                .body(containsString("Sign-in failed."))
                .body(containsString("unknown_error"))
                .body(not(containsString("alert(1)")));
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(kv -> decode(kv[0]), kv -> kv.length > 1 ? decode(kv[1]) : ""));
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
