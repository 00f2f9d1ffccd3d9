package io.tidbcloud.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidbcloud.contract.scope.ApiScope;
import io.tidbcloud.testsupport.KeycloakAdmin;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The admin-API calls the federation tests need on realm {@code tidbcloud} of the test Keycloak:
 * look up and delete brokered users, read their identity-provider links, add and remove a test client;
 * and on another realm, let a client redirect to one more URI.
 */
final class RealmAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakAdmin keycloak = KeycloakAdmin.fromEnvironment();
    private final String realmPath;

    RealmAdmin() {
        this("tidbcloud");
    }

    /** The same calls on another realm of the test Keycloak, e.g. {@code google-dev}. */
    RealmAdmin(String realm) {
        this.realmPath = "/admin/realms/" + realm;
    }

    /** The user of realm tidbcloud with exactly this email, if any. */
    Optional<JsonNode> userByEmail(String email) {
        JsonNode users = get("/users?exact=true&email=" + encode(email));
        return users.isArray() && !users.isEmpty() ? Optional.of(users.get(0)) : Optional.empty();
    }

    /** The aliases of the identity providers linked to the user, sorted. */
    List<String> linkedProviders(String userId) {
        List<String> aliases = new ArrayList<>();
        get("/users/" + userId + "/federated-identity")
                .forEach(link -> aliases.add(link.path("identityProvider").asText()));
        aliases.sort(String::compareTo);
        return aliases;
    }

    void deleteUserByEmail(String email) {
        userByEmail(email)
                .ifPresent(user -> send("DELETE", "/users/" + user.path("id").asText(), null, 204, 404));
    }

    /**
     * A confidential client for the authorization code flow with PKCE and one exact redirect URI;
     * returns its internal id (for {@link #deleteClient}). A {@code thirdParty} one is registered as a
     * developer's application is: consent required, the API scopes optional (asked for in the
     * authorization request), no full scope.
     */
    String createCodeFlowClient(String clientId, String secret, String redirectUri, boolean thirdParty) {
        Map<String, Object> client = new HashMap<>();
        client.put("clientId", clientId);
        client.put("protocol", "openid-connect");
        client.put("publicClient", false);
        client.put("secret", secret);
        client.put("standardFlowEnabled", true);
        client.put("directAccessGrantsEnabled", false);
        client.put("redirectUris", List.of(redirectUri));
        client.put("attributes", Map.of("pkce.code.challenge.method", "S256"));
        if (thirdParty) {
            client.put("name", "Test application " + clientId);
            client.put("consentRequired", true);
            client.put("fullScopeAllowed", false);
            client.put("defaultClientScopes", List.of("basic", "profile", "email"));
            client.put(
                    "optionalClientScopes",
                    Stream.of(ApiScope.values()).map(ApiScope::value).toList());
        }
        HttpResponse<String> created = send("POST", "/clients", client, 201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /**
     * A copy of client {@code templateClientId} (its grants, scopes and consent) named {@code clientId}, with
     * {@code attributes} set over its own; returns its internal id (for {@link #deleteClient}).
     */
    String copyClient(String templateClientId, String clientId, Map<String, String> attributes) {
        JsonNode found = get("/clients?clientId=" + encode(templateClientId));
        if (!found.isArray() || found.isEmpty()) {
            throw new IllegalStateException("no client " + templateClientId + " in realm tidbcloud");
        }
        ObjectNode copy = (ObjectNode) found.get(0).deepCopy();
        copy.remove(List.of("id", "secret", "protocolMappers"));
        copy.put("clientId", clientId);
        attributes.forEach(((ObjectNode) copy.path("attributes"))::put);
        HttpResponse<String> created = send("POST", "/clients", copy, 201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /**
     * Lets client {@code clientId} redirect to {@code redirectUri} as well, until the returned handle is
     * closed; e.g. the stand-in Google's broker client, for a realm reached through another port.
     */
    AutoCloseable allowRedirectUri(String clientId, String redirectUri) {
        updateRedirectUris(clientId, uris -> uris.add(redirectUri));
        return () -> updateRedirectUris(clientId, uris -> uris.remove(redirectUri));
    }

    private void updateRedirectUris(String clientId, java.util.function.Consumer<List<String>> change) {
        JsonNode found = get("/clients?clientId=" + encode(clientId));
        if (!found.isArray() || found.isEmpty()) {
            throw new IllegalStateException("no client " + clientId + " in " + realmPath);
        }
        ObjectNode client = (ObjectNode) found.get(0);
        List<String> uris = new ArrayList<>();
        client.path("redirectUris").forEach(uri -> uris.add(uri.asText()));
        change.accept(uris);
        client.set("redirectUris", JSON.valueToTree(uris));
        send("PUT", "/clients/" + client.path("id").asText(), client, 204);
    }

    void deleteClient(String internalId) {
        send("DELETE", "/clients/" + internalId, null, 204, 404);
    }

    private JsonNode get(String path) {
        try {
            return JSON.readTree(send("GET", path, null, 200).body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(String method, String path, Object body, int... expected) {
        return keycloak.adminRequest(method, realmPath + path, body, expected);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
