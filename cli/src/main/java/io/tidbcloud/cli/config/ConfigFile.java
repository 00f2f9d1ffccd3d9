package io.tidbcloud.cli.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import io.tidbcloud.cli.CliException;
import io.tidbcloud.cli.credentials.SecureFiles;
import io.tidbcloud.cli.output.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code config.toml}: {@code current-profile} and one table per profile, the
 * layout ticloud uses:
 * <pre>
 * current-profile = "default"
 *
 * [default]
 * oauth-endpoint = "http://localhost:8180/realms/tidbcloud"
 * oauth-client-id = "ticloud-cli"
 * api-endpoint = "http://localhost:8080"
 * </pre>
 */
public final class ConfigFile {

    public static final String NAME = "config.toml";
    static final String CURRENT_PROFILE = "current-profile";
    static final String OAUTH_ENDPOINT = "oauth-endpoint";
    static final String OAUTH_CLIENT_ID = "oauth-client-id";
    static final String API_ENDPOINT = "api-endpoint";

    private ConfigFile() {}

    /** The parsed file: current profile name and the profiles as written (missing keys are null). */
    public record Contents(String currentProfile, Map<String, Profile> profiles) {

        public static Contents defaults() {
            return new Contents(
                    Profile.DEFAULT_NAME, Map.of(Profile.DEFAULT_NAME, Profile.defaults(Profile.DEFAULT_NAME)));
        }
    }

    public static Contents read(Path file) {
        if (!Files.exists(file)) {
            return Contents.defaults();
        }
        JsonNode root;
        try (JsonParser toml = new TomlFactory().createParser(file.toFile())) {
            root = Json.read(toml);
        } catch (IOException e) {
            throw CliException.error("Cannot read " + file + ": " + firstLine(e.getMessage()));
        }
        String current = root.path(CURRENT_PROFILE).asText(Profile.DEFAULT_NAME);
        Map<String, Profile> profiles = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode table = entry.getValue();
            if (table.isObject()) {
                profiles.put(
                        entry.getKey(),
                        new Profile(
                                entry.getKey(),
                                text(table, OAUTH_ENDPOINT),
                                text(table, OAUTH_CLIENT_ID),
                                text(table, API_ENDPOINT)));
            }
        }
        return new Contents(current, profiles);
    }

    public static void write(Path file, Contents contents) throws IOException {
        StringBuilder toml = new StringBuilder();
        toml.append(CURRENT_PROFILE)
                .append(" = ")
                .append(quote(contents.currentProfile()))
                .append('\n');
        for (Profile profile : contents.profiles().values()) {
            toml.append('\n')
                    .append('[')
                    .append(bareOrQuotedKey(profile.name()))
                    .append("]\n");
            appendKey(toml, OAUTH_ENDPOINT, profile.oauthEndpoint());
            appendKey(toml, OAUTH_CLIENT_ID, profile.oauthClientId());
            appendKey(toml, API_ENDPOINT, profile.apiEndpoint());
        }
        SecureFiles.writePrivate(file, toml.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void appendKey(StringBuilder toml, String key, String value) {
        if (value != null) {
            toml.append(key).append(" = ").append(quote(value)).append('\n');
        }
    }

    private static String text(JsonNode table, String key) {
        JsonNode value = table.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String bareOrQuotedKey(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : quote(key);
    }

    private static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04X", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid TOML";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
