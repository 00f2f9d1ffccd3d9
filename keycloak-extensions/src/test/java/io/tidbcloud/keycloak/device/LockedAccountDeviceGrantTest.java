package io.tidbcloud.keycloak.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidbcloud.keycloak.CookieKeepingBrowser;
import io.tidbcloud.testsupport.KeycloakAdmin;
import io.tidbcloud.testsupport.KeycloakTestSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CVE-2026-88770 of Keycloak 26.7.3 (fixed in 26.7.5): the device grant issued tokens to a person whom
 * brute-force detection had locked out. {@link LockedAccountDeviceTokenExecutor}, applied by the client
 * policy of {@code infra/keycloak/tidbcloud-realm.json}, closes it.
 *
 * <p>Realm {@code tidbcloud} holds no passwords and keeps brute-force detection off, so nobody can be
 * locked out there today; this test therefore runs in a throwaway realm of its own with detection on and
 * a password user (who can be locked out by wrong passwords), but with exactly the client profiles and
 * policies of the realm file. Without that policy the locked person's poll gets tokens, and the first
 * test fails.
 */
class LockedAccountDeviceGrantTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static final String CLIENT_ID = "device-cli";
    private static final Pattern LOGIN_FORM_ACTION =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern CONSENT_FORM = Pattern.compile(
            "<form[^>]*action=\"([^\"]*/login-actions/consent[^\"]*)\"[^>]*>\\s*<input type=\"hidden\" name=\"code\" value=\"([^\"]+)\"");
    /** Wrong passwords after which the realm locks an account; each lock lasts ten minutes. */
    private static final int FAILURE_FACTOR = 3;

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static KeycloakAdmin admin;
    private static KeycloakTestSettings settings;
    private static String realm;

    @BeforeAll
    static void createRealm() throws Exception {
        admin = KeycloakAdmin.fromEnvironment();
        settings = admin.settings();
        realm = "lockout-" + HexFormat.of().formatHex(randomBytes(4));
        JsonNode shipped =
                JSON.readTree(Path.of("../infra/keycloak/tidbcloud-realm.json").toFile());
        ObjectNode representation = JSON.createObjectNode()
                .put("realm", realm)
                .put("enabled", true)
                .put("bruteForceProtected", true)
                .put("permanentLockout", false)
                .put("failureFactor", FAILURE_FACTOR)
                .put("waitIncrementSeconds", 600)
                .put("maxFailureWaitSeconds", 600)
                .put("eventsEnabled", true);
        // what realm tidbcloud ships: the executor's client profile and the policy that applies it
        representation.set("clientProfiles", shipped.path("clientProfiles"));
        representation.set("clientPolicies", shipped.path("clientPolicies"));
        representation.set(
                "clients",
                JSON.valueToTree(List.of(Map.of(
                        "clientId",
                        CLIENT_ID,
                        "publicClient",
                        true,
                        "standardFlowEnabled",
                        false,
                        "attributes",
                        Map.of(
                                "oauth2.device.authorization.grant.enabled", "true",
                                "oauth2.device.polling.interval", "1")))));
        admin.adminRequest("POST", "/admin/realms", representation, 201);
    }

    @AfterAll
    static void deleteRealm() throws Exception {
        if (realm != null) {
            admin.adminRequest("DELETE", "/admin/realms/" + realm, null, 204, 404);
        }
    }

    @Test
    void aDeviceCodeApprovedBeforeTheAccountIsLockedOutGetsNoTokensWhenPolledAfterTheLockout() throws Exception {
        String userId = createPasswordUser("pat");
        JsonNode device = deviceAuthorization();
        assertTrue(
                approveInBrowser(device, "pat", "pat-pass").contains("Device Login Successful"),
                "the person approves the device while the account is in good standing");

        lockOutWithWrongPasswords("pat");

        HttpResponse<String> poll = poll(device);
        JsonNode answer = JSON.readTree(poll.body());
        assertEquals(400, poll.statusCode(), summary(poll));
        assertEquals("invalid_grant", answer.path("error").asText(), summary(poll));
        assertEquals(
                LockedAccountDeviceTokenExecutor.TEMPORARILY_LOCKED,
                answer.path("error_description").asText());
        assertFalse(answer.has("access_token"), summary(poll));
        assertFalse(answer.has("refresh_token"), summary(poll));

        JsonNode event = awaitEvent("OAUTH2_DEVICE_CODE_TO_TOKEN_ERROR", userId);
        assertEquals("user_temporarily_disabled", event.path("error").asText(), event.toString());
        assertEquals(CLIENT_ID, event.path("clientId").asText());
        assertEquals("client_policy_error", event.path("details").path("reason").asText(), event.toString());

        // the refused device code is spent: it gets nothing later either
        HttpResponse<String> again = pollAfterTheInterval(device);
        assertEquals(400, again.statusCode(), summary(again));
        assertEquals("invalid_grant", JSON.readTree(again.body()).path("error").asText(), summary(again));
        assertEquals(
                "Device code not valid",
                JSON.readTree(again.body()).path("error_description").asText());
    }

    @Test
    void aDeviceCodeApprovedByAnAccountInGoodStandingGetsTokens() throws Exception {
        createPasswordUser("sam");
        JsonNode device = deviceAuthorization();
        assertTrue(approveInBrowser(device, "sam", "sam-pass").contains("Device Login Successful"));

        HttpResponse<String> poll = poll(device);

        assertEquals(200, poll.statusCode(), poll.body());
        JsonNode tokens = JSON.readTree(poll.body());
        assertFalse(tokens.path("access_token").asText().isEmpty(), poll.body());
        assertEquals("Bearer", tokens.path("token_type").asText());
    }

    @Test
    void realmTidbcloudAppliesTheExecutorToEveryClient() throws Exception {
        JsonNode policies = JSON.readTree(
                        admin.adminRequest("GET", "/admin/realms/tidbcloud/client-policies/policies", null, 200)
                                .body())
                .path("policies");
        JsonNode policy = find(
                policies,
                p -> LockedAccountDeviceTokenExecutorFactory.POLICY.equals(
                        p.path("name").asText()));
        assertTrue(policy.path("enabled").asBoolean(), policy.toString());
        assertEquals(
                "any-client",
                policy.path("conditions").path(0).path("condition").asText(),
                policy.toString());
        assertEquals(
                LockedAccountDeviceTokenExecutorFactory.PROFILE,
                policy.path("profiles").path(0).asText());

        JsonNode profiles = JSON.readTree(
                        admin.adminRequest("GET", "/admin/realms/tidbcloud/client-policies/profiles", null, 200)
                                .body())
                .path("profiles");
        JsonNode profile = find(
                profiles,
                p -> LockedAccountDeviceTokenExecutorFactory.PROFILE.equals(
                        p.path("name").asText()));
        assertEquals(
                LockedAccountDeviceTokenExecutorFactory.PROVIDER_ID,
                profile.path("executors").path(0).path("executor").asText(),
                profile.toString());
    }

    /** A user of the throwaway realm with a password and a complete profile (no required action). */
    private static String createPasswordUser(String name) throws Exception {
        Map<String, Object> user = Map.of(
                "username",
                name,
                "enabled",
                true,
                "email",
                name + "@example.com",
                "emailVerified",
                true,
                "firstName",
                name,
                "lastName",
                "Tester",
                "credentials",
                List.of(Map.of("type", "password", "value", name + "-pass", "temporary", false)));
        HttpResponse<String> created = admin.adminRequest("POST", "/admin/realms/" + realm + "/users", user, 201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static JsonNode deviceAuthorization() throws Exception {
        HttpResponse<String> response =
                postForm(realmUrl() + "/protocol/openid-connect/auth/device", Map.of("client_id", CLIENT_ID));
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** Opens the complete verification link, signs in with the password, consents; the page it ends on. */
    private static String approveInBrowser(JsonNode device, String username, String password) throws Exception {
        CookieKeepingBrowser browser = new CookieKeepingBrowser();
        HttpResponse<String> loginPage = browser.followRedirects(
                browser.get(device.path("verification_uri_complete").asText()));
        HttpResponse<String> consentPage = browser.followRedirects(
                browser.postForm(loginFormAction(loginPage), Map.of("username", username, "password", password)));
        // the device flow always shows Keycloak's consent page
        Matcher consent = CONSENT_FORM.matcher(consentPage.body());
        assertTrue(consent.find(), "consent page at " + consentPage.uri() + ": " + consentPage.body());
        HttpResponse<String> done = browser.followRedirects(browser.postForm(
                consentPage
                        .uri()
                        .resolve(consent.group(1).replace("&amp;", "&"))
                        .toString(),
                Map.of("code", consent.group(2), "accept", "Yes")));
        assertEquals(200, done.statusCode(), done.body());
        return done.body();
    }

    /**
     * Someone guesses the password at the same login page until brute-force detection locks the account
     * out; returns once Keycloak reports the lockout (it records failures on a thread of its own).
     */
    private static void lockOutWithWrongPasswords(String username) throws Exception {
        JsonNode otherDevice = deviceAuthorization();
        CookieKeepingBrowser attacker = new CookieKeepingBrowser();
        HttpResponse<String> page = attacker.followRedirects(
                attacker.get(otherDevice.path("verification_uri_complete").asText()));
        for (int attempt = 0; attempt < FAILURE_FACTOR; attempt++) {
            page = attacker.followRedirects(
                    attacker.postForm(loginFormAction(page), Map.of("username", username, "password", "guess")));
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("Invalid username or password."), page.body());
        }
        String userId = userId(username);
        awaitTrue(
                () -> JSON.readTree(admin.adminRequest(
                                        "GET",
                                        "/admin/realms/" + realm + "/attack-detection/brute-force/users/" + userId,
                                        null,
                                        200)
                                .body())
                        .path("disabled")
                        .asBoolean(),
                "brute-force detection reports " + username + " locked out");
    }

    /** A token answer for a failure message: its status and error, never the tokens it may hold. */
    private static String summary(HttpResponse<String> response) throws IOException {
        JsonNode body = JSON.readTree(response.body());
        return response.statusCode() + " " + body.path("error").asText("(no error)") + ": "
                + body.path("error_description").asText() + (body.has("access_token") ? " (with tokens)" : "");
    }

    private static String loginFormAction(HttpResponse<String> page) {
        Matcher action = LOGIN_FORM_ACTION.matcher(page.body());
        assertTrue(action.find(), "login form at " + page.uri() + ": " + page.body());
        return action.group(1).replace("&amp;", "&");
    }

    private static HttpResponse<String> poll(JsonNode device) throws Exception {
        return postForm(
                realmUrl() + "/protocol/openid-connect/token",
                Map.of(
                        "grant_type", DEVICE_GRANT,
                        "client_id", CLIENT_ID,
                        "device_code", device.path("device_code").asText()));
    }

    /** A poll that RFC 8628 allows: until the interval has passed, Keycloak answers slow_down. */
    private static HttpResponse<String> pollAfterTheInterval(JsonNode device) throws Exception {
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        awaitTrue(
                () -> {
                    last.set(poll(device));
                    return !"slow_down"
                            .equals(JSON.readTree(last.get().body())
                                    .path("error")
                                    .asText());
                },
                "a poll after the interval");
        return last.get();
    }

    private static JsonNode awaitEvent(String type, String userId) throws Exception {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        awaitTrue(
                () -> {
                    JsonNode events = JSON.readTree(admin.adminRequest(
                                    "GET",
                                    "/admin/realms/" + realm + "/events?type=" + type + "&user=" + userId,
                                    null,
                                    200)
                            .body());
                    found.set(events.isEmpty() ? null : events.get(0));
                    return found.get() != null;
                },
                "a " + type + " event for the user");
        return found.get();
    }

    private static String userId(String username) throws Exception {
        JsonNode users = JSON.readTree(admin.adminRequest(
                        "GET", "/admin/realms/" + realm + "/users?exact=true&username=" + username, null, 200)
                .body());
        return users.get(0).path("id").asText();
    }

    private static JsonNode find(JsonNode array, Predicate<JsonNode> test) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(test)
                .findFirst()
                .orElseThrow(() -> new AssertionError("not found in " + array));
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Condition condition, String what) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited 15 s for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static String realmUrl() {
        return settings.keycloakUrl() + "/realms/" + realm;
    }

    private static HttpResponse<String> postForm(String url, Map<String, String> form)
            throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        form.forEach((key, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(key)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
