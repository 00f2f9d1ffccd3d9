package io.tidbcloud.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.tidbcloud.testsupport.Browser;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The signed-in pages against the real test Keycloak, alice signed in once through the browser. In
 * this module nothing listens on auth-service's URL, so its pages must say it is unavailable; the
 * cloud API is a stub on its URL that records the token it is sent. Every form's CSRF check, on the
 * whole stack and with nothing lost: e2e-tests' PortalHostileFormsEndToEndTest.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedInPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL home;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @ConfigProperty(name = "quarkus.rest-client.cloud-api.url")
    String cloudApiUrl;

    private Browser browser;
    private HttpServer cloudApi;
    private final List<String> cloudApiAuthorizations = new ArrayList<>();
    private final Map<String, String> cookies = new HashMap<>();

    @BeforeAll
    void signInAsAlice() throws Exception {
        cloudApi = HttpServer.create(
                new InetSocketAddress(
                        "localhost", java.net.URI.create(cloudApiUrl).getPort()),
                0);
        cloudApi.createContext("/v1beta1/projects", exchange -> {
            synchronized (cloudApiAuthorizations) {
                cloudApiAuthorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            }
            byte[] body = ("{\"projects\":[{\"id\":\"7\",\"name\":\"default\",\"org_id\":\"4242\",\"cluster_count\":0,"
                            + "\"user_count\":1,\"create_timestamp\":\"1765094400\"}],\"nextPageToken\":\"\",\"totalSize\":1}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        cloudApi.start();

        browser = Browser.start();
        PortalSignIn.signIn(browser, home.toString(), "google", "alice", "alice-pass");
        for (Cookie cookie : browser.driver().manage().getCookies()) {
            cookies.put(cookie.getName(), cookie.getValue());
        }
        assertTrue(
                cookies.keySet().stream().anyMatch(name -> name.startsWith("q_session")),
                cookies.keySet().toString());
        assertNotNull(cookies.get("csrf-token"));
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
        if (cloudApi != null) {
            cloudApi.stop(0);
        }
    }

    private RequestSpecification signedIn() {
        return given().redirects().follow(false).cookies(cookies);
    }

    @Test
    void homeShowsTheEmailTheOrganizationAndLinksToEveryPage() {
        browser.open(home.toString());

        assertEquals("alice@example.com", browser.await(By.id("user-email")).getText());
        assertEquals("4242", browser.driver().findElement(By.id("organization")).getText());
        for (String path :
                List.of("/device", "/applications", "/sessions", "/developer/apps", "/projects", "/clusters")) {
            assertFalse(
                    browser.driver()
                            .findElements(By.cssSelector("#account a[href='" + path + "']"))
                            .isEmpty(),
                    path);
        }
    }

    @Test
    void theCloudApiIsSentThePersonsAccessTokenNotTheIdToken() throws Exception {
        signedIn().get("/").then().statusCode(200).body(containsString("4242"));

        String authorization;
        synchronized (cloudApiAuthorizations) {
            authorization = cloudApiAuthorizations.get(cloudApiAuthorizations.size() - 1);
        }
        assertTrue(authorization.startsWith("Bearer "), authorization);
        JsonNode claims = JSON.readTree(
                Base64.getUrlDecoder().decode(authorization.substring(7).split("\\.")[1]));
        assertEquals("Bearer", claims.get("typ").asText(), "an access token, not an ID token");
        assertEquals("web-portal", claims.get("azp").asText());
        List<String> audience = new ArrayList<>();
        claims.get("aud").forEach(aud -> audience.add(aud.asText()));
        assertTrue(audience.containsAll(List.of("auth-service", "cloud-api")), audience.toString());
        List<String> scopes = List.of(claims.get("scope").asText().split(" "));
        assertTrue(
                scopes.containsAll(List.of("project:read", "project:write", "cluster:read", "cluster:write")),
                scopes.toString());
    }

    @Test
    void aDeviceCodeInAnyFormIsNormalisedAndContinuesAtKeycloaksDeviceVerification() {
        for (String typed : List.of("bcdf-ghjk", "BCDFGHJK", " bcdfghjk ")) {
            signedIn()
                    .contentType("application/x-www-form-urlencoded")
                    .formParam("csrf-token", cookies.get("csrf-token"))
                    .formParam("user_code", typed)
                    .post("/device")
                    .then()
                    .statusCode(303)
                    .header("Location", realmUrl + "/device?user_code=BCDF-GHJK");
        }
    }

    @Test
    void aMalformedDeviceCodeIsAnsweredHereWithAMessage() {
        signedIn()
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", cookies.get("csrf-token"))
                .formParam("user_code", "ABCD-1234")
                .post("/device")
                .then()
                .statusCode(400)
                .body(containsString("That is not a device code"))
                .body(containsString("value=\"ABCD-1234\""));
    }

    @Test
    void theDevicePageIsPrefilledFromTheLink() {
        signedIn().get("/device?user_code=bcdfghjk").then().statusCode(200).body(containsString("value=\"BCDF-GHJK\""));
    }

    @Test
    void whenAuthServiceDoesNotAnswerItsPagesSaySoWithoutAStackTrace() {
        for (String path : List.of("/applications", "/sessions", "/developer/apps")) {
            signedIn()
                    .get(path)
                    .then()
                    .statusCode(503)
                    .body(containsString("auth-service is unavailable, try again"))
                    .body(not(containsString("Exception")))
                    .body(not(containsString("at io.")));

            browser.open(home.toString().replaceAll("/$", "") + path);
            assertEquals(
                    "auth-service is unavailable, try again in a moment.",
                    browser.await(By.id("error-message")).getText());
        }
    }
}
