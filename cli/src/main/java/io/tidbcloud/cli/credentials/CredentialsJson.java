package io.tidbcloud.cli.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidbcloud.cli.output.Json;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link Credentials} to and from JSON through Jackson's tree model, field by field. Binding the record
 * with Jackson's databind instead costs a cold CLI about 100 ms (introspecting the record, its
 * annotations and constructor) on every command that reads a token; this writes the same bytes
 * (record order, nulls and an unknown issue time left out) and reads what databind read (unknown fields ignored, scalars
 * coerced).
 */
final class CredentialsJson {

    private static final String OAUTH_ENDPOINT = "oauth_endpoint";
    private static final String CLIENT_ID = "client_id";
    private static final String ACCESS_TOKEN = "access_token";
    private static final String REFRESH_TOKEN = "refresh_token";
    private static final String ID_TOKEN = "id_token";
    private static final String ISSUED_AT = "issued_at";
    private static final String EXPIRES_AT = "expires_at";
    private static final String SCOPE = "scope";
    private static final String EMAIL = "email";

    private CredentialsJson() {}

    /** One entry per profile, sorted by name; indented. */
    static byte[] writeEntries(Map<String, Credentials> entries) {
        ObjectNode root = Json.object();
        new TreeMap<>(entries)
                .forEach((profile, credentials) ->
                        root.set(profile, credentials == null ? root.nullNode() : toTree(credentials)));
        return Json.indentedBytes(root);
    }

    static TreeMap<String, Credentials> readEntries(byte[] content) throws IOException {
        JsonNode root = Json.read(content);
        TreeMap<String, Credentials> entries = new TreeMap<>();
        if (root == null || root.isNull() || root.isMissingNode()) {
            return entries;
        }
        if (!root.isObject()) {
            throw new IOException("not an object of profiles");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            entries.put(entry.getKey(), entry.getValue().isNull() ? null : fromTree(entry.getValue()));
        }
        return entries;
    }

    /** One entry on one line (the keyring's secret). */
    static String write(Credentials credentials) {
        return Json.compact(toTree(credentials));
    }

    static Credentials read(String content) throws IOException {
        return fromTree(Json.read(content));
    }

    private static ObjectNode toTree(Credentials credentials) {
        ObjectNode node = Json.object();
        putIfSet(node, OAUTH_ENDPOINT, credentials.oauthEndpoint());
        putIfSet(node, CLIENT_ID, credentials.clientId());
        putIfSet(node, ACCESS_TOKEN, credentials.accessToken());
        putIfSet(node, REFRESH_TOKEN, credentials.refreshToken());
        putIfSet(node, ID_TOKEN, credentials.idToken());
        if (credentials.issuedAt() > 0) {
            node.put(ISSUED_AT, credentials.issuedAt());
        }
        node.put(EXPIRES_AT, credentials.expiresAt());
        putIfSet(node, SCOPE, credentials.scope());
        putIfSet(node, EMAIL, credentials.email());
        return node;
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static Credentials fromTree(JsonNode node) throws IOException {
        if (node == null || !node.isObject()) {
            throw new IOException("credentials are not a JSON object");
        }
        return new Credentials(
                text(node, OAUTH_ENDPOINT),
                text(node, CLIENT_ID),
                text(node, ACCESS_TOKEN),
                text(node, REFRESH_TOKEN),
                text(node, ID_TOKEN),
                epochSeconds(node, ISSUED_AT),
                epochSeconds(node, EXPIRES_AT),
                text(node, SCOPE),
                text(node, EMAIL));
    }

    private static String text(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainerNode()) {
            throw new IOException(field + " is not a string");
        }
        return value.asText();
    }

    private static long epochSeconds(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (value.isNumber()) {
            return value.asLong();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.asText().trim());
            } catch (NumberFormatException notANumber) {
                // falls through to the error below
            }
        }
        throw new IOException(field + " is not a number");
    }
}
