package io.tidbcloud.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Administers the realm {@code tidbcloud} of the real test Keycloak for one test class: creates
 * confidential clients with a service account, and deletes them again on {@link #close()}.
 *
 * <pre>{@code
 * try (KeycloakAdmin admin = KeycloakAdmin.fromEnvironment()) {
 *     TestClient alice = admin.createServiceClient("projects-alice", "project:read");
 *     String token = alice.token("project:read");
 * }
 * }</pre>
 *
 * Each client's service-account user is a distinct token subject, hence a distinct tenant of the
 * cloud API. Client ids get a random suffix, so parallel or repeated runs never collide.
 */
public final class KeycloakAdmin implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakTestSettings settings;
    private final KeycloakHttp http = new KeycloakHttp();
    private final List<TestClient> created = new ArrayList<>();
    private final List<SigningKey> addedKeys = new ArrayList<>();
    private final List<String> createdRealms = new ArrayList<>();

    public KeycloakAdmin(KeycloakTestSettings settings) {
        this.settings = settings;
    }

    public static KeycloakAdmin fromEnvironment() {
        return new KeycloakAdmin(KeycloakTestSettings.fromEnvironment());
    }

    public KeycloakTestSettings settings() {
        return settings;
    }

    /**
     * An access token of the Keycloak administrator (realm {@code master}, client {@code admin-cli},
     * password grant). Fetched on every call: master tokens live only 60 seconds.
     */
    public String adminToken() {
        JsonNode response = http.postForm(
                settings.masterTokenEndpoint(),
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "admin-cli",
                        "username",
                        settings.adminUser(),
                        "password",
                        settings.adminPassword()));
        return response.path("access_token").asText();
    }

    /**
     * Any call of Keycloak's admin REST API as the administrator: {@code path} below the server (for
     * example {@code /admin/realms/google-dev/users}), {@code body} sent as JSON when not null. Fails
     * naming the call and the answer unless it answers one of {@code expected}.
     */
    public HttpResponse<String> adminRequest(String method, String path, Object body, int... expected) {
        return http.sendJson(method, settings.keycloakUrl() + path, adminToken(), body, expected);
    }

    /**
     * Creates a confidential client that may only use the client-credentials grant, with the given
     * client scopes (for example {@code project:read}) as optional scopes, so that a token carries
     * exactly the scopes it asks for.
     *
     * @param name readable part of the client id; a random suffix makes it unique
     */
    public TestClient createServiceClient(String name, String... optionalScopes) {
        String token = adminToken();
        String clientId = "test-" + name + "-" + randomHex(4);
        String secret = randomHex(24);
        IssuedSecrets.record(IssuedSecrets.Kind.CLIENT_SECRET, secret);

        Map<String, Object> representation = new LinkedHashMap<>();
        representation.put("clientId", clientId);
        representation.put("name", "test client " + name);
        representation.put("protocol", "openid-connect");
        representation.put("publicClient", false);
        representation.put("clientAuthenticatorType", "client-secret");
        representation.put("secret", secret);
        representation.put("serviceAccountsEnabled", true);
        representation.put("standardFlowEnabled", false);
        representation.put("implicitFlowEnabled", false);
        representation.put("directAccessGrantsEnabled", false);
        HttpResponse<String> response =
                http.sendJson("POST", settings.adminRealmUrl() + "/clients", token, representation, 201);
        String location = response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new KeycloakTestException("client " + clientId + " created without Location"));
        String internalId = location.substring(location.lastIndexOf('/') + 1);
        TestClient client = new TestClient(this, clientId, secret, internalId);
        created.add(client);

        for (String scope : optionalScopes) {
            String scopeId = clientScopeId(token, scope);
            http.sendJson(
                    "PUT",
                    settings.adminRealmUrl() + "/clients/" + internalId + "/optional-client-scopes/" + scopeId,
                    token,
                    null,
                    204);
        }
        return client;
    }

    /**
     * Sets how long the access tokens this client gets from now on live (Keycloak's client
     * setting {@code access.token.lifespan}), instead of the realm's default.
     */
    public void setAccessTokenLifespan(TestClient client, java.time.Duration lifespan) {
        http.sendJson(
                "PUT",
                settings.adminRealmUrl() + "/clients/" + client.internalId(),
                adminToken(),
                Map.of("attributes", Map.of("access.token.lifespan", Long.toString(lifespan.toSeconds()))),
                204);
    }

    /**
     * As {@link #setAccessTokenLifespan(TestClient, java.time.Duration)} for a client of the realm
     * files (web-portal, ticloud-cli), by its client id; {@code null} goes back to the realm's lifespan.
     */
    public void setAccessTokenLifespan(String clientId, java.time.Duration lifespan) {
        JsonNode found = http.getJson(
                settings.adminRealmUrl() + "/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8),
                adminToken());
        if (found.size() != 1) {
            throw new KeycloakTestException("no client " + clientId + " in the realm");
        }
        http.sendJson(
                "PUT",
                settings.adminRealmUrl() + "/clients/" + found.get(0).path("id").asText(),
                adminToken(),
                Map.of(
                        "attributes",
                        Map.of("access.token.lifespan", lifespan == null ? "" : Long.toString(lifespan.toSeconds()))),
                204);
    }

    /** Deletes a client created here; the tokens it got stay valid until they expire. */
    public void deleteClient(TestClient client) {
        http.sendJson(
                "DELETE", settings.adminRealmUrl() + "/clients/" + client.internalId(), adminToken(), null, 204, 404);
        created.remove(client);
    }

    /**
     * Rotates the realm's token signing key the way an operator does: adds an RS256 key (an
     * {@code rsa-generated} key provider) with a higher priority than every key the realm has, so it
     * signs every token from now on and joins the realm's JWKS. The older keys stay as they were
     * (active, lower priority): tokens they signed still verify, so a test elsewhere in the build
     * that holds one is not disturbed. {@link #removeSigningKey} or {@link #close()} removes it again,
     * and the realm signs with its old key once more.
     *
     * @param name readable part of the key provider's name; a random suffix makes it unique
     */
    public SigningKey addSigningKey(String name) {
        String token = adminToken();
        int priority = 100;
        for (JsonNode key :
                http.getJson(settings.adminRealmUrl() + "/keys", token).path("keys")) {
            priority = Math.max(priority, key.path("providerPriority").asInt() + 100);
        }
        String componentId = addKeyProvider(
                token,
                "test-" + name + "-" + randomHex(4),
                "rsa-generated",
                Map.of(
                        "priority", List.of(Integer.toString(priority)),
                        "algorithm", List.of("RS256"),
                        "keySize", List.of("2048"),
                        "active", List.of("true"),
                        "enabled", List.of("true")));
        SigningKey added = new SigningKey(componentId, kidOf(token, componentId));
        addedKeys.add(added);
        return added;
    }

    private String addKeyProvider(String token, String name, String providerId, Map<String, List<String>> config) {
        String realmId =
                http.getJson(settings.adminRealmUrl(), token).path("id").asText();
        Map<String, Object> component = new LinkedHashMap<>();
        component.put("name", name);
        component.put("providerId", providerId);
        component.put("providerType", "org.keycloak.keys.KeyProvider");
        component.put("parentId", realmId);
        component.put("config", config);
        HttpResponse<String> response =
                http.sendJson("POST", settings.adminRealmUrl() + "/components", token, component, 201);
        String location = response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new KeycloakTestException("key provider created without Location"));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private String kidOf(String token, String componentId) {
        for (JsonNode key :
                http.getJson(settings.adminRealmUrl() + "/keys", token).path("keys")) {
            if (componentId.equals(key.path("providerId").asText())
                    && "RS256".equals(key.path("algorithm").asText())) {
                return key.path("kid").asText();
            }
        }
        throw new KeycloakTestException("the new key provider " + componentId + " shows no RS256 key");
    }

    /** Removes a key added by {@link #addSigningKey}; tokens it signed no longer verify at Keycloak. */
    public void removeSigningKey(SigningKey key) {
        http.sendJson(
                "DELETE", settings.adminRealmUrl() + "/components/" + key.componentId(), adminToken(), null, 204, 404);
        addedKeys.remove(key);
    }

    /**
     * Adds an RS256 key that the test holds (its private key stays here) to the realm's keys with a
     * lower priority than every key there: Keycloak publishes it in the realm's JWKS but keeps
     * signing with its own key, so other tests see no change. A token signed with it verifies at
     * every resource server, which lets a test forge a token whose one defect is the one under test
     * ({@link TokenForge}). Removed again by {@link #removeSigningKey} or {@link #close()}.
     */
    public HeldSigningKey addHeldSigningKey(String name) {
        String token = adminToken();
        int priority = Integer.MAX_VALUE;
        for (JsonNode key :
                http.getJson(settings.adminRealmUrl() + "/keys", token).path("keys")) {
            priority = Math.min(priority, key.path("providerPriority").asInt());
        }
        KeyPair pair = rsaKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        String componentId = addKeyProvider(
                token,
                "test-" + name + "-" + randomHex(4),
                "rsa",
                Map.of(
                        "priority", List.of(Integer.toString(priority - 1)),
                        "algorithm", List.of("RS256"),
                        "privateKey", List.of(pem),
                        "active", List.of("true"),
                        "enabled", List.of("true")));
        SigningKey added = new SigningKey(componentId, kidOf(token, componentId));
        addedKeys.add(added);
        return new HeldSigningKey(added, pair.getPrivate());
    }

    /** A key of the realm whose private key the test holds ({@link #addHeldSigningKey}). */
    public record HeldSigningKey(SigningKey key, PrivateKey privateKey) {
        public String kid() {
            return key.kid();
        }
    }

    /**
     * The public key (PEM text) and key id of the RS256 key the realm signs access tokens with now:
     * what an attacker reads from the JWKS, to try it as an HMAC secret.
     */
    public Map.Entry<String, String> activeSigningPublicKey() {
        JsonNode keys = http.getJson(settings.adminRealmUrl() + "/keys", adminToken());
        String kid = keys.path("active").path("RS256").asText();
        for (JsonNode key : keys.path("keys")) {
            if (kid.equals(key.path("kid").asText())) {
                return Map.entry(
                        kid,
                        "-----BEGIN PUBLIC KEY-----\n" + key.path("publicKey").asText()
                                + "\n-----END PUBLIC KEY-----\n");
            }
        }
        throw new KeycloakTestException("realm " + settings.realm() + " names no active RS256 key");
    }

    /**
     * An access token of another realm of the same Keycloak: a throwaway realm (deleted on
     * {@link #close()}) with a confidential client of its own, client-credentials grant.
     */
    public String foreignRealmToken(String name) {
        String token = adminToken();
        String realm = "test-" + name + "-" + randomHex(4);
        http.sendJson(
                "POST", settings.keycloakUrl() + "/admin/realms", token, Map.of("realm", realm, "enabled", true), 201);
        createdRealms.add(realm);
        String secret = randomHex(24);
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", "foreign");
        client.put("publicClient", false);
        client.put("secret", secret);
        client.put("serviceAccountsEnabled", true);
        client.put("standardFlowEnabled", false);
        http.sendJson("POST", settings.keycloakUrl() + "/admin/realms/" + realm + "/clients", token, client, 201);
        return http.postForm(
                        settings.keycloakUrl() + "/realms/" + realm + "/protocol/openid-connect/token",
                        Map.of("grant_type", "client_credentials", "client_id", "foreign", "client_secret", secret))
                .path("access_token")
                .asText();
    }

    /** Sets an attribute of a client created here, e.g. {@code client_credentials.use_refresh_token}. */
    public void setClientAttribute(TestClient client, String name, String value) {
        http.sendJson(
                "PUT",
                settings.adminRealmUrl() + "/clients/" + client.internalId(),
                adminToken(),
                Map.of("attributes", Map.of(name, value)),
                204);
    }

    /** Enables or disables a user of the realm (by id, e.g. a token's {@code sub}), as an administrator does. */
    public void setUserEnabled(String userId, boolean enabled) {
        http.sendJson(
                "PUT", settings.adminRealmUrl() + "/users/" + userId, adminToken(), Map.of("enabled", enabled), 204);
    }

    /** Deletes a user of the realm (by id), as an administrator does. */
    public void deleteUser(String userId) {
        http.sendJson("DELETE", settings.adminRealmUrl() + "/users/" + userId, adminToken(), null, 204, 404);
    }

    /**
     * A signing key added to the realm by a test.
     *
     * @param componentId the id of its key provider (admin API {@code components/<id>})
     * @param kid the key id that tokens it signs carry in their header, and the realm's JWKS lists
     */
    public record SigningKey(String componentId, String kid) {}

    /** Deletes every client and realm and removes every signing key this instance added. */
    @Override
    public void close() {
        try {
            for (SigningKey key : List.copyOf(addedKeys)) {
                removeSigningKey(key);
            }
            for (String realm : List.copyOf(createdRealms)) {
                http.sendJson(
                        "DELETE", settings.keycloakUrl() + "/admin/realms/" + realm, adminToken(), null, 204, 404);
                createdRealms.remove(realm);
            }
        } finally {
            for (TestClient client : List.copyOf(created)) {
                deleteClient(client);
            }
        }
    }

    String serviceAccountUserId(TestClient client) {
        JsonNode user = http.getJson(
                settings.adminRealmUrl() + "/clients/" + client.internalId() + "/service-account-user", adminToken());
        return user.path("id").asText();
    }

    KeycloakHttp http() {
        return http;
    }

    private String clientScopeId(String token, String scopeName) {
        JsonNode scopes = http.getJson(settings.adminRealmUrl() + "/client-scopes", token);
        for (JsonNode scope : scopes) {
            if (scopeName.equals(scope.path("name").asText())) {
                return URLEncoder.encode(scope.path("id").asText(), StandardCharsets.UTF_8);
            }
        }
        throw new KeycloakTestException("realm " + settings.realm() + " has no client scope '" + scopeName + "'");
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}
