package io.tidbcloud.keycloak.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidbcloud.keycloak.CookieKeepingBrowser;
import io.tidbcloud.testsupport.KeycloakTestSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The device verification step of the real test Keycloak (running this module's jar): an
 * identity-provider hint in the verification link or in the device authorization request sends the
 * person straight to that provider; an unknown one changes nothing.
 */
class DeviceIdentityProviderHintTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeycloakTestSettings SETTINGS = KeycloakTestSettings.fromEnvironment();

    @Test
    void deviceRequestHintSendsTheOpenedLinkStraightToThatProvider() throws Exception {
        JsonNode device = deviceAuthorization("&tidbcloud_idp_hint=microsoft");
        CookieKeepingBrowser browser = new CookieKeepingBrowser();

        HttpResponse<String> page = browser.followRedirects(
                browser.get(device.path("verification_uri_complete").asText()));

        assertUpstreamLoginForm("microsoft-dev", page);
    }

    @Test
    void deviceRequestHintAlsoAppliesWhenThePersonTypesTheCode() throws Exception {
        JsonNode device = deviceAuthorization("&tidbcloud_idp_hint=google");
        CookieKeepingBrowser browser = new CookieKeepingBrowser();
        browser.get(SETTINGS.realmUrl() + "/device");

        HttpResponse<String> page = browser.followRedirects(browser.postForm(
                SETTINGS.realmUrl() + "/device",
                Map.of("device_user_code", device.path("user_code").asText())));

        assertUpstreamLoginForm("google-dev", page);
    }

    @Test
    void kcIdpHintOnTheVerificationLinkSkipsTheProviderPage() throws Exception {
        JsonNode device = deviceAuthorization("");
        CookieKeepingBrowser browser = new CookieKeepingBrowser();

        HttpResponse<String> page = browser.followRedirects(
                browser.get(device.path("verification_uri_complete").asText() + "&kc_idp_hint=microsoft"));

        assertUpstreamLoginForm("microsoft-dev", page);
    }

    @Test
    void hintNamingNoProviderOfTheRealmShowsTheProviderPage() throws Exception {
        JsonNode device = deviceAuthorization("&tidbcloud_idp_hint=github");
        CookieKeepingBrowser browser = new CookieKeepingBrowser();

        HttpResponse<String> page = browser.followRedirects(
                browser.get(device.path("verification_uri_complete").asText() + "&kc_idp_hint=google-dev"));

        assertEquals(200, page.statusCode());
        assertTrue(page.uri().getPath().startsWith("/realms/tidbcloud/"), "still at tidbcloud, was " + page.uri());
        assertTrue(page.body().contains("id=\"social-google\""), "Google button");
        assertTrue(page.body().contains("id=\"social-microsoft\""), "Microsoft button");
    }

    private static void assertUpstreamLoginForm(String upstreamRealm, HttpResponse<String> page) {
        assertEquals(200, page.statusCode(), "status at " + page.uri());
        assertTrue(
                page.uri().getPath().startsWith("/realms/" + upstreamRealm + "/protocol/openid-connect/auth"),
                "login form of " + upstreamRealm + ", was " + page.uri());
        assertTrue(page.body().contains("name=\"password\""), "password field of the stand-in provider");
    }

    private static JsonNode deviceAuthorization(String extraForm) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(SETTINGS.realmUrl() + "/protocol/openid-connect/auth/device"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_id=ticloud-cli&scope=openid" + extraForm))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
