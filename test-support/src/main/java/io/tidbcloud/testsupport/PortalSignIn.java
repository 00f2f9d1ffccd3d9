package io.tidbcloud.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.openqa.selenium.By;

/**
 * The web portal's tokens for a person, as the portal gets them: authorization code flow with PKCE
 * S256 as client {@code web-portal} (which has no direct grants), signed in through a real browser at
 * the stand-in identity provider. The redirect goes to the portal's registered callback
 * ({@code $TIDBCLOUD_PORTAL_URL/auth/callback}); nothing needs to listen there, the code is read from
 * the browser's address and exchanged here with the portal's secret ({@code TIDBCLOUD_WEB_PORTAL_SECRET}).
 * Needs Selenium on the test class path (an optional dependency of this module).
 */
public final class PortalSignIn {

    public static final String PORTAL_CLIENT_ID = "web-portal";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration SIGN_IN = Duration.ofSeconds(60);

    /** The token response of a sign-in: {@code access_token}, {@code refresh_token}, {@code id_token}. */
    public record Tokens(String accessToken, String refreshToken, JsonNode response) {}

    private PortalSignIn() {}

    /**
     * Signs the person in with the provider ({@code google}, {@code microsoft}) in this browser and
     * answers the portal's tokens. A browser already signed in at Keycloak skips the login form.
     */
    public static Tokens signIn(Browser browser, String idp, String username, String password)
            throws IOException, InterruptedException {
        KeycloakTestSettings keycloak = KeycloakTestSettings.fromEnvironment();
        String redirectUri = redirectUri();
        Pkce pkce = Pkce.create();
        String state = random(8);
        browser.open(keycloak.realmUrl() + "/protocol/openid-connect/auth?response_type=code"
                + "&client_id=" + PORTAL_CLIENT_ID
                + "&redirect_uri=" + encode(redirectUri)
                + "&scope=openid"
                + "&state=" + state
                + pkce.authorizationParameters());
        long deadline = System.nanoTime() + SIGN_IN.toNanos();
        boolean upstreamDone = false;
        while (!browser.currentUrl().startsWith(redirectUri)) {
            if (System.nanoTime() > deadline) {
                browser.screenshot("portal-sign-in-" + username);
                throw new KeycloakTestException("the portal's sign-in stopped at " + browser.currentUrl());
            }
            if (browser.isPresent(By.id("social-" + idp))) {
                browser.click(By.id("social-" + idp));
            } else if (!upstreamDone && browser.isPresent(By.id("username"))) {
                browser.type(By.id("username"), username);
                browser.type(By.id("password"), password);
                browser.click(By.id("kc-login"));
                upstreamDone = true;
            }
            Thread.sleep(50);
        }
        URI callback = URI.create(browser.currentUrl());
        Map<String, String> answer = RedirectQuery.of(callback);
        String code = answer.get("code");
        if (code == null || !state.equals(answer.get("state"))) {
            throw new KeycloakTestException("the portal's sign-in came back without a code: " + callback);
        }
        IssuedSecrets.record(IssuedSecrets.Kind.AUTHORIZATION_CODE, code);
        String secret = TestEnvironment.read(System.getenv(), "TIDBCLOUD_WEB_PORTAL_SECRET", null);
        if (secret == null) {
            throw new KeycloakTestException("TIDBCLOUD_WEB_PORTAL_SECRET is unset: source .dev/test/env");
        }
        HttpResponse<String> tokenResponse = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code"
                                        + "&code=" + encode(code)
                                        + "&redirect_uri=" + encode(redirectUri)
                                        + pkce.tokenParameters()
                                        + "&client_id=" + PORTAL_CLIENT_ID
                                        + "&client_secret=" + encode(secret)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (tokenResponse.statusCode() != 200) {
            throw new KeycloakTestException("the token endpoint answered " + tokenResponse.statusCode()
                    + " to the portal's code: " + tokenResponse.body());
        }
        JsonNode tokens = JSON.readTree(tokenResponse.body());
        IssuedSecrets.recordTokenResponse(tokens);
        return new Tokens(
                tokens.path("access_token").asText(),
                tokens.path("refresh_token").asText(null),
                tokens);
    }

    /** The portal's registered callback, {@code $TIDBCLOUD_PORTAL_URL/auth/callback}. */
    public static String redirectUri() {
        String portal = TestEnvironment.read(System.getenv(), "TIDBCLOUD_PORTAL_URL", "http://localhost:8082");
        return (portal.endsWith("/") ? portal.substring(0, portal.length() - 1) : portal) + "/auth/callback";
    }

    private static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
