package io.tidbcloud.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.tidbcloud.testsupport.IssuedSecrets;
import io.tidbcloud.testsupport.Pkce;
import io.tidbcloud.testsupport.RedirectQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway OAuth client of realm {@code tidbcloud} for one test: authorization code flow with
 * PKCE S256, its exact redirect URI served by a small local HTTP server that receives the code.
 * Lets a test read the tokens (and so {@code sub}) of a browser sign-in.
 */
final class CodeFlowTestClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RealmAdmin admin;
    private final HttpServer server;
    private final String clientId = "test-federation-" + hex(4);
    private final String secret = hex(24);
    private final String internalId;
    private volatile CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();
    private Pkce pkce;
    private String state;

    CodeFlowTestClient(RealmAdmin admin) throws IOException {
        this(admin, false);
    }

    /**
     * A third-party application as a developer registers one: consent required, the API scopes
     * optional, so that the person chooses them (scope selection, then Keycloak's confirmation).
     */
    static CodeFlowTestClient thirdParty(RealmAdmin admin) throws IOException {
        return new CodeFlowTestClient(admin, true);
    }

    private CodeFlowTestClient(RealmAdmin admin, boolean thirdParty) throws IOException {
        this.admin = admin;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/callback", exchange -> {
            callback.complete(RedirectQuery.of(exchange.getRequestURI()));
            byte[] page =
                    "<html><body><h1>Test application: signed in</h1></body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        server.start();
        IssuedSecrets.record(IssuedSecrets.Kind.CLIENT_SECRET, secret);
        this.internalId = admin.createCodeFlowClient(clientId, secret, redirectUri(), thirdParty);
    }

    String redirectUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
    }

    /** A fresh authorization request; {@code idpHint} null shows Keycloak's provider choice. */
    String authorizationUrl(String idpHint) {
        return authorizationUrl(idpHint, "openid email profile");
    }

    /** As {@link #authorizationUrl(String)}, asking for {@code scope}. */
    String authorizationUrl(String idpHint, String scope) {
        pkce = Pkce.create();
        state = hex(8);
        callback = new CompletableFuture<>();
        String url = TestStack.oidcUrl() + "/protocol/openid-connect/auth?response_type=code"
                + "&client_id=" + encode(clientId)
                + "&redirect_uri=" + encode(redirectUri())
                + "&scope=" + encode(scope)
                + "&state=" + state
                + pkce.authorizationParameters();
        return idpHint == null ? url : url + "&kc_idp_hint=" + encode(idpHint);
    }

    /** The parameters of the redirect back to the application, once it came. */
    Map<String, String> awaitRedirect() throws Exception {
        return callback.get(60, TimeUnit.SECONDS);
    }

    /** Waits for the redirect back, exchanges the code, and returns the token response. */
    JsonNode awaitTokens() throws Exception {
        Map<String, String> params = awaitRedirect();
        if (!state.equals(params.get("state")) || !params.containsKey("code")) {
            throw new AssertionError("unexpected callback: " + params);
        }
        IssuedSecrets.record(IssuedSecrets.Kind.AUTHORIZATION_CODE, params.get("code"));
        String form = "grant_type=authorization_code&code=" + encode(params.get("code"))
                + "&redirect_uri=" + encode(redirectUri()) + pkce.tokenParameters()
                + "&client_id=" + encode(clientId) + "&client_secret=" + encode(secret);
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestStack.oidcUrl() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode tokens = JSON.readTree(response.body());
        IssuedSecrets.recordTokenResponse(tokens);
        return tokens;
    }

    /** The claims of a JWT (the test trusts it: it came straight from the token endpoint). */
    static JsonNode claims(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    @Override
    public void close() {
        server.stop(0);
        admin.deleteClient(internalId);
    }

    private static String hex(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
