package io.tidbcloud.e2e;

import static io.tidbcloud.e2e.RevocationStack.accessToken;
import static io.tidbcloud.e2e.RevocationStack.assertAccepted;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidbcloud.testsupport.Browser;
import io.tidbcloud.testsupport.IssuedSecrets;
import io.tidbcloud.testsupport.RedirectQuery;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * What a hostile page or person can throw at the portal's forms, on the whole stack: posts without
 * the CSRF token or with a wrong one (every form the signed-in pages show, found by walking them),
 * open-redirect attempts on every parameter that names where a browser goes next, and oversized
 * fields. Each gets a page with a message and a 4xx, and nothing the person has is lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalHostileFormsEndToEndTest {

    @RegisterExtension
    static final PortalStack stack = new PortalStack();

    private static final String CSRF = "csrf-token";
    private static final String EVIL = "https://evil.example";
    private static final Pattern CLIENT_ID = Pattern.compile("id=\"client-id\">([^<]+)<");
    private static final Pattern CLIENT_SECRET = Pattern.compile("id=\"client-secret\">([^<]+)<");

    /** HTTP/1.1 as a browser speaks it over plain http (browsers never upgrade to h2c). */
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @TempDir
    Path tempDir;

    private Browser browser;
    private PortalPages pages;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    @BeforeAll
    void signInAsCarol() throws Exception {
        browser = Browser.start();
        pages = new PortalPages(browser, stack.portalUrl());
        pages.signIn("google", "carol", "carol-pass");
        for (Cookie cookie : browser.driver().manage().getCookies()) {
            cookies.put(cookie.getName(), cookie.getValue());
        }
        assertThat(cookies).containsKey(CSRF);
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    // ------------------------------------------------------------------ CSRF

    @Test
    void everyFormOnTheSignedInPagesRefusesAPostWithoutOrWithAWrongCsrfTokenAndNothingIsLost() throws Exception {
        TicloudCli ticloud = new TicloudCli(tempDir.resolve("ticloud"), stack.apiUrl());
        DeviceLogin.signIn(ticloud, "google", "carol", "carol-pass");
        String cliToken = accessToken(ticloud);
        String appClientId = registerApp("Carol's CSRF target", "http://127.0.0.1:9/callback");
        String projectName = "csrf-target-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(post("/projects", Map.of("name", projectName)).statusCode()).isEqualTo(303);
        String clusterName = "csrf-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(post("/clusters", Map.of("displayName", clusterName, "region", "regions/aws-us-east-1"))
                        .statusCode())
                .isEqualTo(303);

        List<Form> forms = formsOnSignedInPages();
        assertThat(forms.stream().map(Form::action).collect(Collectors.toSet()))
                .as("the walk found the portal's forms")
                .contains(
                        "/signout",
                        "/device",
                        "/applications/revoke",
                        "/sessions/end",
                        "/sessions/end-others",
                        "/developer/apps",
                        "/developer/apps/rotate",
                        "/developer/apps/delete",
                        "/projects",
                        "/clusters",
                        "/clusters/delete");
        for (Form form : forms) {
            Map<String, String> fields = new LinkedHashMap<>(form.fields());
            fields.remove(CSRF);
            fields.put("confirm", "confirm");

            Map<String, String> withoutCsrfCookie = new LinkedHashMap<>(cookies);
            withoutCsrfCookie.remove(CSRF);
            assertRefusedAsExpiredForm(form, post(form.action(), fields, withoutCsrfCookie));
            assertRefusedAsExpiredForm(form, post(form.action(), fields, cookies));
            fields.put(CSRF, "not-the-token");
            assertRefusedAsExpiredForm(form, post(form.action(), fields, cookies));
            fields.put(CSRF, cookies.get(CSRF).substring(1) + "A");
            assertRefusedAsExpiredForm(form, post(form.action(), fields, cookies));
        }

        assertThat(get("/").body()).as("still signed in").contains("carol@example.com");
        assertAccepted(stack.apiUrl(), cliToken);
        assertThat(get("/applications").body()).contains("data-client-id=\"ticloud-cli\"");
        assertThat(get("/developer/apps").body()).contains("data-client-id=\"" + appClientId + "\"");
        assertThat(get("/projects").body()).contains(projectName);
        assertThat(get("/clusters").body()).contains(clusterName);
        assertThat(get("/sessions").body()).contains("data-session-id");
    }

    private static void assertRefusedAsExpiredForm(Form form, HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(form.action()).isEqualTo(403);
        assertThat(answer.body()).as(form.action()).contains("This form has expired");
        assertThat(answer.headers().firstValue("Location")).as(form.action()).isEmpty();
    }

    /** Every post form of every page linked from the home page, with the fields the page fills in. */
    private List<Form> formsOnSignedInPages() {
        pages.open("/");
        Set<String> paths = new LinkedHashSet<>();
        paths.add("/");
        for (WebElement link : browser.driver().findElements(By.cssSelector("a[href^='/']"))) {
            paths.add(URI.create(link.getAttribute("href")).getPath());
        }
        List<Form> forms = new ArrayList<>();
        for (String path : paths) {
            pages.open(path);
            pages.settle();
            for (WebElement form : browser.driver().findElements(By.cssSelector("form"))) {
                if (!"post".equalsIgnoreCase(form.getAttribute("method"))) {
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (WebElement input :
                        form.findElements(By.cssSelector("input[name], textarea[name], button[name]"))) {
                    String type = input.getAttribute("type");
                    if (("checkbox".equals(type) || "radio".equals(type)) && !input.isSelected()) {
                        continue;
                    }
                    fields.putIfAbsent(input.getAttribute("name"), input.getAttribute("value"));
                }
                forms.add(new Form(URI.create(form.getAttribute("action")).getPath(), fields));
            }
        }
        return forms;
    }

    private record Form(String action, Map<String, String> fields) {}

    private record Post(String path, Map<String, String> fields) {}

    // ------------------------------------------------------------------ open redirects

    @Test
    void keycloakSendsTheBrowserOnlyToThePortalsExactCallback() throws Exception {
        String callback = stack.portalUrl() + "/auth/callback";
        for (String redirect : hostileVariantsOf(callback)) {
            HttpResponse<String> answer = getAt(TestStack.oidcUrl()
                    + "/protocol/openid-connect/auth?response_type=code&client_id=web-portal&scope=openid"
                    + "&code_challenge_method=S256&code_challenge=" + "x".repeat(43)
                    + "&redirect_uri=" + encode(redirect));
            assertThat(answer.statusCode()).as(redirect).isEqualTo(400);
            assertThat(answer.body()).as(redirect).contains("Invalid parameter: redirect_uri");
            assertThat(answer.headers().firstValue("Location")).as(redirect).isEmpty();
        }
    }

    @Test
    void aRegisteredAppsRedirectUriMatchesOnlyExactly() throws Exception {
        String registered = "https://app.example/oauth/callback";
        String clientId = registerApp("Carol's exact app", registered);
        for (String redirect : hostileVariantsOf(registered)) {
            HttpResponse<String> answer = getAt(TestStack.oidcUrl()
                    + "/protocol/openid-connect/auth?response_type=code&client_id=" + encode(clientId)
                    + "&scope=openid&code_challenge_method=S256&code_challenge=" + "x".repeat(43)
                    + "&redirect_uri=" + encode(redirect));
            assertThat(answer.statusCode()).as(redirect).isEqualTo(400);
            assertThat(answer.body()).as(redirect).contains("Invalid parameter: redirect_uri");
            assertThat(answer.headers().firstValue("Location")).as(redirect).isEmpty();
        }
    }

    @Test
    void signingOutAtKeycloakNeverReturnsToAnotherSite() throws Exception {
        for (String redirect : List.of(
                EVIL + "/", stack.portalUrl() + ".evil.example/", "//evil.example/", stack.portalUrl() + "/x")) {
            HttpResponse<String> answer = getAt(TestStack.oidcUrl()
                    + "/protocol/openid-connect/logout?client_id=web-portal&post_logout_redirect_uri="
                    + encode(redirect));
            assertThat(answer.statusCode()).as(redirect).isEqualTo(400);
            assertThat(answer.body()).as(redirect).contains("Invalid redirect uri");
            assertThat(answer.headers().firstValue("Location")).as(redirect).isEmpty();
        }
    }

    @Test
    void thePortalsOwnRedirectsStayOnThePortalOrGoToKeycloak() throws Exception {
        // The provider hint is forwarded to Keycloak as a hint, never used as an address.
        HttpResponse<String> signIn = getAt(stack.portalUrl() + "/signin?kc_idp_hint=" + encode(EVIL + "/"));
        assertThat(signIn.statusCode()).isEqualTo(302);
        String location = signIn.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(TestStack.oidcUrl() + "/protocol/openid-connect/auth?");
        assertThat(RedirectQuery.of(URI.create(location)).get("redirect_uri"))
                .isEqualTo(stack.portalUrl() + "/auth/callback");

        // Paths that a browser could read as another host, and the parameters of the pages that
        // redirect after a post: the answer is never a redirect off the portal.
        for (String path : List.of(
                "//evil.example/",
                "/%2F%2Fevil.example/",
                "/%5Cevil.example/",
                "/auth/callback?redirect_uri=" + encode(EVIL),
                "/auth/callback?state=x&code=y&redirect_uri=" + encode(EVIL),
                "/signin/error?error=access_denied&redirect_uri=" + encode(EVIL))) {
            HttpResponse<String> answer = get(path);
            answer.headers()
                    .firstValue("Location")
                    .ifPresent(target -> assertThat(target)
                            .as(path)
                            .satisfiesAnyOf(
                                    t -> assertThat(t).startsWith("/").doesNotStartWith("//"),
                                    t -> assertThat(t).startsWith(stack.portalUrl() + "/"),
                                    t -> assertThat(t).startsWith(TestStack.oidcUrl() + "/")));
            assertThat(answer.statusCode()).as(path).isLessThan(500);
        }
        HttpResponse<String> device = post("/device", Map.of("user_code", "BCDF-GHJK&redirect_uri=" + EVIL));
        assertThat(device.statusCode()).isEqualTo(400);
        assertThat(device.body()).contains("That is not a device code");
    }

    @Test
    void whatAPageEchoesFromItsAddressIsEscaped() throws Exception {
        String script = "<script>alert(1)</script>";
        for (String path : List.of(
                "/clusters?created=", "/projects?created=", "/developer/apps?deleted=", "/applications?revoked=")) {
            HttpResponse<String> answer = get(path + encode(script));
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.body()).as(path).doesNotContain(script);
        }
    }

    private static List<String> hostileVariantsOf(String exact) {
        URI uri = URI.create(exact);
        String origin = uri.getScheme() + "://" + uri.getAuthority();
        return List.of(
                EVIL + uri.getPath(),
                origin + ".evil.example" + uri.getPath(),
                uri.getScheme() + "://" + uri.getAuthority() + "@evil.example" + uri.getPath(),
                exact + "/../../evil",
                exact + "x",
                exact + "/",
                exact + "?next=" + EVIL,
                exact + "#" + EVIL,
                origin + uri.getPath().toUpperCase(),
                "//evil.example" + uri.getPath(),
                "javascript:alert(1)//" + exact);
    }

    // ------------------------------------------------------------------ oversized fields

    @Test
    void oversizedFieldsAreAnsweredWithAMessageAndTheLargestRealFormStillWorks() throws Exception {
        String huge = "a".repeat(100_000);
        List<Post> posts = List.of(
                new Post(
                        "/developer/apps",
                        Map.of("name", huge, "kind", "web", "redirect_uris", "https://a.example/cb")),
                new Post(
                        "/developer/apps",
                        Map.of("name", "ok", "kind", "web", "redirect_uris", "https://a.example/" + huge)),
                new Post(
                        "/developer/apps",
                        Map.of(
                                "name",
                                "ok",
                                "kind",
                                "web",
                                "redirect_uris",
                                "https://a.example/cb",
                                "homepage",
                                "https://a.example/" + huge)),
                new Post("/projects", Map.of("name", huge)),
                new Post("/clusters", Map.of("displayName", huge, "region", "regions/aws-us-east-1")),
                new Post("/device", Map.of("user_code", huge)),
                new Post("/sessions/end", Map.of("session_id", huge)),
                new Post("/applications/revoke", Map.of("client_id", huge, "confirm", "confirm")),
                new Post("/developer/apps/rotate", Map.of("client_id", huge)),
                new Post("/clusters/delete", Map.of("cluster_id", huge, "confirm", "confirm")));
        for (Post hostile : posts) {
            HttpResponse<String> answer = post(hostile.path(), hostile.fields());
            String what = hostile.path() + " " + hostile.fields().keySet();
            assertThat(answer.statusCode()).as(what).isBetween(400, 499);
            assertThat(answer.body())
                    .as(what)
                    .contains("class=\"message message-error\"")
                    .doesNotContain("Exception");
        }

        for (int size : List.of(300_000, 10_000_000)) {
            HttpResponse<String> tooLarge = post("/projects", Map.of("name", "b".repeat(size)));
            assertThat(tooLarge.statusCode()).as("%d bytes", size).isEqualTo(413);
            assertThat(tooLarge.body()).as("%d bytes", size).contains("What you sent is too large");
        }

        // Long, but within what the portal reads: auth-service's own rule says what is wrong.
        HttpResponse<String> longName = post(
                "/developer/apps",
                Map.of("name", "n".repeat(10_000), "kind", "web", "redirect_uris", "https://a.example/cb"));
        assertThat(longName.statusCode()).isEqualTo(400);
        assertThat(longName.body()).contains("name must be at most 60 characters");

        // One character longer than Keycloak stores: the rule's message, not Keycloak's 500.
        HttpResponse<String> tooLongUri = post(
                "/developer/apps",
                Map.of(
                        "name",
                        "Carol's long redirect",
                        "kind",
                        "web",
                        "redirect_uris",
                        "https://app.example/" + "c".repeat(236)));
        assertThat(tooLongUri.statusCode()).as(tooLongUri.body()).isEqualTo(400);
        assertThat(tooLongUri.body()).contains("redirectUris[0] must be at most 255 characters");

        // Ten redirect URIs of the longest length Keycloak keeps: the largest real form, accepted.
        List<String> longest = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            longest.add("https://app.example/" + i + "/" + "c".repeat(233));
        }
        assertThat(longest.get(0)).hasSize(255);
        HttpResponse<String> registered = post(
                "/developer/apps",
                Map.of(
                        "name",
                        "Carol's long redirects",
                        "kind",
                        "web",
                        "redirect_uris",
                        String.join("\n", longest),
                        "scope",
                        "project:read",
                        "homepage",
                        "https://app.example/" + "h".repeat(235)));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(CLIENT_ID.matcher(registered.body()).find()).isTrue();
    }

    // ------------------------------------------------------------------ plumbing

    private String registerApp(String name, String redirectUri) throws Exception {
        HttpResponse<String> answer = post(
                "/developer/apps",
                Map.of("name", name, "kind", "web", "redirect_uris", redirectUri, "scope", "project:read"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        Matcher secret = CLIENT_SECRET.matcher(answer.body());
        assertThat(secret.find()).as("a web app's secret is shown once").isTrue();
        IssuedSecrets.record(IssuedSecrets.Kind.CLIENT_SECRET, secret.group(1));
        Matcher clientId = CLIENT_ID.matcher(answer.body());
        assertThat(clientId.find()).isTrue();
        return clientId.group(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(stack.portalUrl() + path))
                        .header("Cookie", cookieHeader(cookies))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getAt(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put(CSRF, cookies.get(CSRF));
        return post(path, withToken, cookies);
    }

    private HttpResponse<String> post(String path, Map<String, String> fields, Map<String, String> sentCookies)
            throws Exception {
        String form = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(stack.portalUrl() + path))
                        .header("Cookie", cookieHeader(sentCookies))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String cookieHeader(Map<String, String> cookies) {
        return cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
