package io.tidbcloud.keycloak.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidbcloud.keycloak.CookieKeepingBrowser;
import io.tidbcloud.testsupport.KeycloakAdmin;
import io.tidbcloud.testsupport.KeycloakTestSettings;
import io.tidbcloud.testsupport.TestClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sign-in page of realm {@code tidbcloud} as a browser receives it from the real test Keycloak
 * (which runs this module's jar and the realm files of {@code infra/keycloak}).
 */
class TidbcloudSignInPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PORTAL_CALLBACK =
            System.getenv().getOrDefault("TIDBCLOUD_PORTAL_URL", "http://localhost:8082") + "/auth/callback";

    private static KeycloakAdmin admin;
    private static KeycloakTestSettings settings;

    @BeforeAll
    static void connect() {
        admin = KeycloakAdmin.fromEnvironment();
        settings = admin.settings();
    }

    @AfterAll
    static void cleanUp() {
        admin.close();
    }

    @Test
    void signInPageOffersOnlyGoogleAndMicrosoftAndNoPasswordField() throws Exception {
        CookieKeepingBrowser browser = new CookieKeepingBrowser();
        HttpResponse<String> page = browser.get(authorizationUrl(""));

        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("<title>Sign in to TiDB Cloud</title>"), "page title");
        assertTrue(html.contains("id=\"social-google\""), "Google button id");
        assertTrue(html.contains("id=\"social-microsoft\""), "Microsoft button id");
        assertTrue(html.contains("Continue with Google"), "Google button label");
        assertTrue(html.contains("Continue with Microsoft"), "Microsoft button label");
        assertFalse(html.contains("type=\"password\""), "no password field");
        assertFalse(html.contains("name=\"username\""), "no username field");
        assertFalse(html.contains("<form"), "no form at all");
    }

    @Test
    void googleButtonLeadsToTheGoogleDevStandInLoginForm() throws Exception {
        CookieKeepingBrowser browser = new CookieKeepingBrowser();
        String html = browser.get(authorizationUrl("")).body();

        HttpResponse<String> upstream = browser.followRedirects(browser.get(providerLink(html, "google")));

        assertEquals(200, upstream.statusCode());
        assertTrue(
                upstream.uri().getPath().startsWith("/realms/google-dev/protocol/openid-connect/auth"),
                "upstream authorization endpoint, was " + upstream.uri());
        assertTrue(upstream.uri().getQuery().contains("code_challenge_method=S256"), "broker uses PKCE S256");
        assertTrue(upstream.body().contains("name=\"username\""), "username field");
        assertTrue(upstream.body().contains("name=\"password\""), "password field");
        assertTrue(upstream.body().contains("id=\"kc-login\""), "sign-in button");
    }

    @Test
    void identityProviderHintSkipsTheProviderChoice() throws Exception {
        CookieKeepingBrowser browser = new CookieKeepingBrowser();

        HttpResponse<String> response = browser.get(authorizationUrl("&kc_idp_hint=microsoft"));

        assertEquals(303, response.statusCode());
        String location = response.headers().firstValue("Location").orElse("");
        assertTrue(
                location.contains("/realms/tidbcloud/broker/microsoft/login"),
                "redirect to the broker, was " + location);
    }

    @Test
    void postedUsernameAndPasswordAreNeverCheckedAndTheChoiceIsShownAgain() throws Exception {
        CookieKeepingBrowser browser = new CookieKeepingBrowser();
        String html = browser.get(authorizationUrl("")).body();
        String tabId = queryParameter(html, "tab_id");
        String clientData = queryParameter(html, "client_data");
        String action = settings.realmUrl() + "/login-actions/authenticate?execution=" + choiceExecutionId()
                + "&client_id=web-portal&tab_id=" + tabId + "&client_data=" + clientData;

        HttpResponse<String> response =
                browser.postForm(action, Map.of("username", "alice@example.com", "password", "alice-pass"));

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("data-page-id=\"login-login\""), "the sign-in page again");
        assertTrue(response.body().contains("id=\"social-google\""), "Google button still offered");
        assertFalse(response.body().contains("type=\"password\""), "still no password field");
    }

    @Test
    void apiScopeTokenCarriesCloudApiAudienceAndTheScope() throws Exception {
        TestClient client = admin.createServiceClient("kc-ext-audience", "project:read");

        JsonNode claims = claims(client.token("project:read"));

        assertEquals(settings.realmUrl(), claims.path("iss").asText());
        assertTrue(audience(claims).contains("cloud-api"), "aud " + claims.path("aud"));
        assertTrue(
                (" " + claims.path("scope").asText() + " ").contains(" project:read "),
                "scope " + claims.path("scope"));
        assertEquals(300, claims.path("exp").asLong() - claims.path("iat").asLong(), "access token lifespan");
    }

    private static String authorizationUrl(String extra) {
        // The portal's PKCE request; the challenge is RFC 7636's example value.
        return settings.realmUrl()
                + "/protocol/openid-connect/auth?client_id=web-portal&response_type=code&scope=openid"
                + "&redirect_uri=" + URLEncoder.encode(PORTAL_CALLBACK, StandardCharsets.UTF_8)
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&state=test"
                + extra;
    }

    private static String providerLink(String html, String alias) {
        Matcher link = Pattern.compile("<a id=\"social-" + alias + "\"[^>]*?href=\"([^\"]+)\"", Pattern.DOTALL)
                .matcher(html);
        assertTrue(link.find(), "link social-" + alias);
        return settings.keycloakUrl() + link.group(1).replace("&amp;", "&");
    }

    private static String queryParameter(String html, String name) {
        Matcher value = Pattern.compile("[?&;]" + name + "=([^&\"]+)").matcher(html);
        assertTrue(value.find(), name + " in the page");
        return value.group(1);
    }

    private static String choiceExecutionId() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                settings.keycloakUrl()
                                                        + "/admin/realms/tidbcloud/authentication/flows/tidbcloud%20browser/executions"))
                                .header("Authorization", "Bearer " + admin.adminToken())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        for (JsonNode execution : JSON.readTree(response.body())) {
            if (IdentityProviderChoiceAuthenticatorFactory.PROVIDER_ID.equals(
                    execution.path("providerId").asText())) {
                return execution.path("id").asText();
            }
        }
        throw new AssertionError(
                "flow 'tidbcloud browser' has no " + IdentityProviderChoiceAuthenticatorFactory.PROVIDER_ID);
    }

    private static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static String audience(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        return aud.isArray() ? aud.toString() : aud.asText();
    }
}
