package io.tidbcloud.auth.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidbcloud.testsupport.KeycloakAdmin;
import io.tidbcloud.testsupport.KeycloakTestSettings;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the tests read back from Keycloak's admin API as its administrator, and tokens of other clients. */
public final class RealmAdminReads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RealmAdminReads() {}

    /** The client's representation, empty when the realm has no client of that id. */
    public static Optional<JsonNode> client(KeycloakAdmin admin, String clientId) throws Exception {
        JsonNode found = get(admin, "/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8));
        for (JsonNode client : found) {
            if (clientId.equals(client.path("clientId").asText())) {
                return Optional.of(client);
            }
        }
        return Optional.empty();
    }

    public static List<String> scopeNames(KeycloakAdmin admin, JsonNode client, String kind) throws Exception {
        List<String> names = new ArrayList<>();
        for (JsonNode scope : get(admin, "/clients/" + client.path("id").asText() + "/" + kind + "-client-scopes")) {
            names.add(scope.path("name").asText());
        }
        return names;
    }

    public static String secret(KeycloakAdmin admin, JsonNode client) throws Exception {
        return get(admin, "/clients/" + client.path("id").asText() + "/client-secret")
                .path("value")
                .asText();
    }

    /** A client-credentials token of client {@code cloud-api} (its secret from TIDBCLOUD_CLOUD_API_SECRET). */
    public static String cloudApiToken() throws Exception {
        String secret = System.getenv("TIDBCLOUD_CLOUD_API_SECRET");
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(
                                KeycloakTestSettings.fromEnvironment().tokenEndpoint()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=cloud-api"
                                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new AssertionError("cloud-api's client-credentials grant answered " + answer.body());
        }
        return JSON.readTree(answer.body()).path("access_token").asText();
    }

    private static JsonNode get(KeycloakAdmin admin, String path) throws Exception {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(admin.settings().keycloakUrl() + "/admin/realms/tidbcloud" + path))
                        .header("Authorization", "Bearer " + admin.adminToken())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new AssertionError("admin GET " + path + " answered " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body());
    }
}
