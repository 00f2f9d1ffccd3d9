package io.tidbcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The realm files in the repository hold no secret: every secret or password is a {@code ${VAR}}
 * placeholder (without a default, which would be a committed secret), only the stand-in realms
 * hold user passwords, and the production realm is the base realm with the real providers.
 */
class RealmFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*}");
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(secret|password).*");
    private static final List<String> STAND_IN_REALMS = List.of("google-dev-realm.json", "microsoft-dev-realm.json");

    private final Path keycloakDir = TestStack.repoRoot().resolve("infra/keycloak");

    @Test
    void everySecretOrPasswordInRealmFilesIsAPlaceholderWithoutDefault() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path file : realmFiles()) {
            walk(JSON.readTree(file.toFile()), "", (path, key, value) -> {
                if (SECRET_KEY.matcher(key).matches()
                        && holdsText(value)
                        && !PLACEHOLDER.matcher(value.asText()).matches()) {
                    offences.add(keycloakDir.relativize(file) + " " + path + " = " + value.asText());
                }
            });
        }
        assertThat(offences).isEmpty();
        assertThat(realmFiles()).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void onlyTheStandInRealmsHoldUserCredentials() throws IOException {
        List<String> withCredentials = new ArrayList<>();
        for (Path file : realmFiles()) {
            walk(JSON.readTree(file.toFile()), "", (path, key, value) -> {
                if (key.equals("credentials") && value.isArray() && !value.isEmpty()) {
                    withCredentials.add(keycloakDir.relativize(file).toString());
                }
            });
        }
        assertThat(withCredentials)
                .isNotEmpty()
                .allSatisfy(file -> assertThat(STAND_IN_REALMS).contains(file));
        assertThat(JSON.readTree(keycloakDir.resolve("tidbcloud-realm.json").toFile())
                        .path("requiredCredentials"))
                .isEmpty();
    }

    @Test
    void productionRealmIsTheBaseRealmWithRealGoogleAndMicrosoftProviders() throws IOException {
        JsonNode base =
                JSON.readTree(keycloakDir.resolve("tidbcloud-realm.json").toFile());
        JsonNode production = JSON.readTree(
                keycloakDir.resolve("production/tidbcloud-realm.json").toFile());
        JsonNode providers = JSON.readTree(keycloakDir
                        .resolve("production/identity-providers.json")
                        .toFile())
                .path("identityProviders");

        ObjectNode expected = base.deepCopy();
        expected.set("identityProviders", providers);
        assertThat(production)
                .as("run infra/keycloak/production/generate-realm.sh")
                .isEqualTo(expected);

        JsonNode google = provider(production, "google");
        assertThat(google.path("providerId").asText()).isEqualTo("google");
        assertThat(google.path("config").path("clientId").asText()).isEqualTo("${TIDBCLOUD_GOOGLE_CLIENT_ID}");
        assertThat(google.path("config").path("clientSecret").asText()).isEqualTo("${TIDBCLOUD_GOOGLE_CLIENT_SECRET}");
        assertThat(google.path("config").path("hostedDomain").asText()).isEqualTo("${TIDBCLOUD_GOOGLE_HOSTED_DOMAIN:}");
        JsonNode microsoft = provider(production, "microsoft");
        assertThat(microsoft.path("providerId").asText()).isEqualTo("microsoft");
        assertThat(microsoft.path("config").path("clientSecret").asText())
                .isEqualTo("${TIDBCLOUD_MICROSOFT_CLIENT_SECRET}");
        assertThat(microsoft.path("config").path("tenantId").asText())
                .isEqualTo("${TIDBCLOUD_MICROSOFT_TENANT_ID:common}");

        // The switch changes the provider type and its endpoints, not how sign-in behaves.
        for (String alias : List.of("google", "microsoft")) {
            JsonNode real = provider(production, alias);
            JsonNode standIn = provider(base, alias);
            for (String field : List.of(
                    "displayName", "enabled", "trustEmail", "firstBrokerLoginFlowAlias", "hideOnLogin", "linkOnly")) {
                assertThat(real.path(field)).as(alias + "." + field).isEqualTo(standIn.path(field));
            }
            assertThat(real.path("config").path("guiOrder"))
                    .isEqualTo(standIn.path("config").path("guiOrder"));
            assertThat(real.path("config").path("syncMode"))
                    .isEqualTo(standIn.path("config").path("syncMode"));
        }
    }

    @Test
    void helmChartShipsTheProductionRealm() throws IOException {
        Path chartRealm = TestStack.repoRoot().resolve("infra/helm/tidbcloud/files/tidbcloud-realm.json");
        assertThat(Files.readString(chartRealm))
                .isEqualTo(Files.readString(keycloakDir.resolve("production/tidbcloud-realm.json")));
    }

    @Test
    void composeEnvironmentExampleLeavesEverySecretEmpty() throws IOException {
        List<String> lines = Files.readAllLines(TestStack.repoRoot().resolve("infra/compose/.env.example"));
        assertThat(lines.stream()
                        .filter(line -> !line.startsWith("#") && line.contains("="))
                        .filter(line -> SECRET_KEY
                                .matcher(line.substring(0, line.indexOf('=')))
                                .matches()))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).endsWith("="));
    }

    /** A switch such as {@code require.password.update.after.registration: "false"} holds no secret. */
    private static boolean holdsText(JsonNode value) {
        return value.isTextual()
                && !value.asText().equals("true")
                && !value.asText().equals("false");
    }

    private List<Path> realmFiles() throws IOException {
        try (Stream<Path> files = Files.walk(keycloakDir)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
    }

    private static JsonNode provider(JsonNode realm, String alias) {
        for (JsonNode provider : realm.path("identityProviders")) {
            if (alias.equals(provider.path("alias").asText())) {
                return provider;
            }
        }
        throw new AssertionError("realm " + realm.path("realm").asText() + " has no identity provider " + alias);
    }

    private interface FieldVisitor {
        void visit(String path, String key, JsonNode value);
    }

    private static void walk(JsonNode node, String path, FieldVisitor visitor) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String fieldPath = path + "." + field.getKey();
                visitor.visit(fieldPath, field.getKey(), field.getValue());
                walk(field.getValue(), fieldPath, visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", visitor);
            }
        }
    }
}
