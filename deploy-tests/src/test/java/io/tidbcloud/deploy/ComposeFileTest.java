package io.tidbcloud.deploy;

import static io.tidbcloud.deploy.Repository.COMPOSE_DIR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * infra/compose/docker-compose.yml as Debian's docker-compose resolves it ({@code config -q}, then
 * {@code config}) with the variables of {@code .env.example}, each empty one filled with a value of
 * its own, so that the assertions can tell which variable ended up where.
 */
class ComposeFileTest {

    private static final Path COMPOSE_FILE = COMPOSE_DIR.resolve("docker-compose.yml");
    private static final Path ENV_EXAMPLE = COMPOSE_DIR.resolve(".env.example");
    private static final Set<String> SERVICES =
            Set.of("postgres", "keycloak", "cloud-api-service", "auth-service", "web-portal");

    @TempDir
    static Path tmp;

    /** .env.example's variables, each empty one given a distinct test value. */
    private static Map<String, String> env;

    private static JsonNode resolved;

    @BeforeAll
    static void resolveTheComposeFile() throws Exception {
        env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ENV_EXAMPLE)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            String name = line.substring(0, eq);
            String value = line.substring(eq + 1);
            env.put(
                    name,
                    value.isEmpty() ? "test-" + name.toLowerCase().replace('_', '-') + "-0123456789abcdef" : value);
        }
        Path envFile = tmp.resolve("test.env");
        List<String> lines = new ArrayList<>();
        env.forEach((name, value) -> lines.add(name + "=" + value));
        Files.write(envFile, lines);

        Result quiet = compose(envFile, "config", "-q");
        assertThat(quiet.exitCode())
                .as("docker-compose config -q: %s", quiet.output())
                .isZero();
        Result config = compose(envFile, "config");
        assertThat(config.exitCode())
                .as("docker-compose config: %s", config.output())
                .isZero();
        resolved = Repository.readYaml(config.stdout());
    }

    @Test
    void everyPartOfTheStackIsThere() {
        assertThat(names(resolved.path("services"))).containsExactlyInAnyOrderElementsOf(SERVICES);
    }

    @Test
    void aMissingSecretStopsCompose() throws Exception {
        // .env.example as it is: the secrets are empty, and `:?` refuses them.
        Result result = compose(ENV_EXAMPLE, "config", "-q");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("in .env");
    }

    @Test
    void everyServiceHasAHealthCheckAndWaitsForHealthyDependencies() {
        resolved.path("services").fields().forEachRemaining(service -> {
            JsonNode healthcheck = service.getValue().path("healthcheck");
            assertThat(healthcheck.path("test").isArray())
                    .as("%s has a health check", service.getKey())
                    .isTrue();
            service.getValue()
                    .path("depends_on")
                    .fields()
                    .forEachRemaining(dependency -> assertThat(
                                    dependency.getValue().path("condition").asText())
                            .as("%s waits for %s", service.getKey(), dependency.getKey())
                            .isEqualTo("service_healthy"));
        });
        assertThat(names(service("keycloak").path("depends_on"))).containsExactly("postgres");
        assertThat(names(service("auth-service").path("depends_on"))).contains("postgres", "keycloak");
        assertThat(names(service("cloud-api-service").path("depends_on")))
                .contains("postgres", "keycloak", "auth-service");
        assertThat(names(service("web-portal").path("depends_on")))
                .contains("keycloak", "auth-service", "cloud-api-service");
    }

    @Test
    void theServicesProbeTheirReadinessEndpoint() {
        for (String name : List.of("cloud-api-service", "auth-service", "web-portal")) {
            String port = environment(name).get("QUARKUS_HTTP_PORT");
            assertThat(String.join(" ", texts(service(name).path("healthcheck").path("test"))))
                    .contains("/dev/tcp/127.0.0.1/" + port, "/q/health/ready", " 200");
        }
        assertThat(String.join(
                        " ", texts(service("keycloak").path("healthcheck").path("test"))))
                .contains("/dev/tcp/127.0.0.1/9000", "/health/ready");
    }

    @Test
    void keycloaksRevocationListenerPostsToAuthServiceWithTheSharedSecret() {
        URI listener = URI.create(environment("keycloak").get("KC_SPI_EVENTS_LISTENER__TIDBCLOUD_REVOCATION__URL"));
        assertThat(listener.getHost()).isEqualTo("auth-service");
        assertThat(String.valueOf(listener.getPort()))
                .isEqualTo(environment("auth-service").get("QUARKUS_HTTP_PORT"));
        assertThat(environment("keycloak").get("TIDBCLOUD_EVENTS_SECRET"))
                .isEqualTo(environment("auth-service").get("TIDBCLOUD_EVENTS_SECRET"))
                .isEqualTo(env.get("TIDBCLOUD_EVENTS_SECRET"));
    }

    @Test
    void everyApiInstanceSubscribesToAuthServicesFeed() {
        Map<String, String> api = environment("cloud-api-service");
        assertThat(URI.create(api.get("TIDBCLOUD_AUTH_SERVICE_URL")).getHost()).isEqualTo("auth-service");
        assertThat(api.get("TIDBCLOUD_CLOUD_API_SECRET"))
                .isEqualTo(environment("keycloak").get("TIDBCLOUD_CLOUD_API_SECRET"))
                .isEqualTo(env.get("TIDBCLOUD_CLOUD_API_SECRET"));
    }

    @Test
    void theServicesReachKeycloakInsideAndTheClientSecretsMatchTheRealmImport() {
        for (String name : List.of("cloud-api-service", "auth-service", "web-portal")) {
            assertThat(environment(name).get("TIDBCLOUD_OIDC_URL")).isEqualTo("http://keycloak:8080/realms/tidbcloud");
        }
        assertThat(environment("keycloak"))
                .containsEntry("KC_HOSTNAME", env.get("TIDBCLOUD_KEYCLOAK_URL"))
                .containsEntry("KC_HOSTNAME_BACKCHANNEL_DYNAMIC", "true");
        assertThat(environment("web-portal").get("TIDBCLOUD_WEB_PORTAL_SECRET"))
                .isEqualTo(environment("keycloak").get("TIDBCLOUD_WEB_PORTAL_SECRET"))
                .isEqualTo(env.get("TIDBCLOUD_WEB_PORTAL_SECRET"));
        assertThat(environment("auth-service").get("TIDBCLOUD_AUTH_SERVICE_SECRET"))
                .isEqualTo(environment("keycloak").get("TIDBCLOUD_AUTH_SERVICE_SECRET"))
                .isEqualTo(env.get("TIDBCLOUD_AUTH_SERVICE_SECRET"));
        for (String idp : List.of("GOOGLE", "MICROSOFT")) {
            assertThat(environment("keycloak"))
                    .containsEntry("TIDBCLOUD_" + idp + "_CLIENT_ID", env.get("TIDBCLOUD_" + idp + "_CLIENT_ID"))
                    .containsEntry(
                            "TIDBCLOUD_" + idp + "_CLIENT_SECRET", env.get("TIDBCLOUD_" + idp + "_CLIENT_SECRET"));
        }
    }

    @Test
    void keycloakIsTheOptimizedImageWithOurJarAndClusters() {
        JsonNode keycloak = service("keycloak");
        assertThat(keycloak.path("build").path("dockerfile").asText()).isEqualTo("infra/keycloak/Dockerfile");
        assertThat(keycloak.path("image").asText()).isEqualTo("ghcr.io/tidbcloud/keycloak:0.1.0");
        assertThat(environment("keycloak"))
                .containsEntry("KC_CACHE", "ispn")
                .containsEntry("KC_CACHE_STACK", "jdbc-ping")
                .containsEntry("KC_PROXY_HEADERS", "xforwarded");
        assertThat(texts(keycloak.path("volumes")))
                .anyMatch(volume -> volume.endsWith("infra/keycloak/production:/opt/keycloak/data/import:ro"));
        for (String name : List.of("cloud-api-service", "auth-service", "web-portal")) {
            assertThat(service(name).path("image").asText()).isEqualTo("ghcr.io/tidbcloud/" + name + ":0.1.0");
            assertThat(service(name).path("build").path("args").path("MODULE").asText())
                    .isEqualTo(name);
        }
    }

    @Test
    void eachPartHasItsOwnDatabaseAndUserWithItsOwnPassword() {
        Map<String, String> keycloak = environment("keycloak");
        Map<String, String> api = environment("cloud-api-service");
        Map<String, String> auth = environment("auth-service");
        List<String> databases = List.of(
                database(keycloak.get("KC_DB_URL")),
                database(api.get("QUARKUS_DATASOURCE_JDBC_URL")),
                database(auth.get("QUARKUS_DATASOURCE_JDBC_URL")));
        assertThat(databases).containsExactly("keycloak", "cloud_api", "auth_service");
        assertThat(List.of(
                        keycloak.get("KC_DB_USERNAME"),
                        api.get("QUARKUS_DATASOURCE_USERNAME"),
                        auth.get("QUARKUS_DATASOURCE_USERNAME")))
                .doesNotHaveDuplicates()
                .doesNotContain("postgres");
        assertThat(keycloak.get("KC_DB_PASSWORD")).isEqualTo(env.get("TIDBCLOUD_KEYCLOAK_DB_PASSWORD"));
        assertThat(api.get("QUARKUS_DATASOURCE_PASSWORD")).isEqualTo(env.get("TIDBCLOUD_CLOUD_API_DB_PASSWORD"));
        assertThat(auth.get("QUARKUS_DATASOURCE_PASSWORD")).isEqualTo(env.get("TIDBCLOUD_AUTH_SERVICE_DB_PASSWORD"));
        // The init script creates exactly these roles and databases, from the same variables.
        Map<String, String> postgres = environment("postgres");
        assertThat(postgres)
                .containsEntry("TIDBCLOUD_KEYCLOAK_DB_PASSWORD", keycloak.get("KC_DB_PASSWORD"))
                .containsEntry("TIDBCLOUD_CLOUD_API_DB_PASSWORD", api.get("QUARKUS_DATASOURCE_PASSWORD"))
                .containsEntry("TIDBCLOUD_AUTH_SERVICE_DB_PASSWORD", auth.get("QUARKUS_DATASOURCE_PASSWORD"));
    }

    @Test
    void theInitScriptCreatesARoleAndDatabasePerPart() throws IOException {
        String script = Files.readString(COMPOSE_DIR.resolve("postgres/init-databases.sh"));
        assertThat(script)
                .contains("create keycloak \"$TIDBCLOUD_KEYCLOAK_DB_PASSWORD\"")
                .contains("create cloud_api \"$TIDBCLOUD_CLOUD_API_DB_PASSWORD\"")
                .contains("create auth_service \"$TIDBCLOUD_AUTH_SERVICE_DB_PASSWORD\"");
        assertThat(Files.isExecutable(COMPOSE_DIR.resolve("postgres/init-databases.sh")))
                .isTrue();
    }

    @Test
    void onlyKeycloakThePortalAndTheApiArePublishedAndOnlyOnLoopback() {
        Map<String, List<String>> published = new HashMap<>();
        resolved.path("services").fields().forEachRemaining(service -> {
            for (JsonNode port : service.getValue().path("ports")) {
                published
                        .computeIfAbsent(service.getKey(), k -> new ArrayList<>())
                        .add(port.asText());
            }
        });
        assertThat(published.keySet()).containsExactlyInAnyOrder("keycloak", "web-portal", "cloud-api-service");
        published.values().stream()
                .flatMap(List::stream)
                .forEach(port -> assertThat(port).startsWith("127.0.0.1:"));
    }

    /** In the committed file every secret is a `${VAR:?...}` reference to .env, never a value. */
    @Test
    void noSecretIsWrittenInTheComposeFile() throws IOException {
        Pattern assignment = Pattern.compile("^\\s*([A-Za-z0-9_]+):\\s*(.+?)\\s*$");
        List<String> literal = new ArrayList<>();
        for (String line : Files.readAllLines(COMPOSE_FILE)) {
            Matcher m = assignment.matcher(line);
            if (!line.trim().startsWith("#")
                    && m.matches()
                    && Repository.SECRET_NAME.matcher(m.group(1)).matches()) {
                if (!m.group(2).matches("\\$\\{[A-Z0-9_]+(:\\?[^}]*)?}")) {
                    literal.add(line.trim());
                }
            }
        }
        assertThat(literal).as("secrets written into docker-compose.yml").isEmpty();
        // and every secret value that reached a container came from the env file
        resolved.path("services")
                .fields()
                .forEachRemaining(service -> environment(service.getKey()).forEach((name, value) -> {
                    if (Repository.SECRET_NAME.matcher(name).matches()) {
                        assertThat(env.values())
                                .as("%s of %s", name, service.getKey())
                                .contains(value);
                    }
                }));
    }

    @Test
    void theEnvExampleHoldsNoSecretAndDotEnvIsIgnored() throws Exception {
        for (String line : Files.readAllLines(ENV_EXAMPLE)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String name = line.substring(0, line.indexOf('='));
            if (Repository.SECRET_NAME.matcher(name).matches()) {
                assertThat(line).as("secret in .env.example").isEqualTo(name + "=");
            }
        }
        Process ignored = new ProcessBuilder("git", "check-ignore", "-q", "infra/compose/.env")
                .directory(Repository.ROOT.toFile())
                .start();
        assertThat(ignored.waitFor()).as("infra/compose/.env is git-ignored").isZero();
    }

    // ------------------------------------------------------------------------------------------

    private static JsonNode service(String name) {
        return resolved.path("services").path(name);
    }

    private static Map<String, String> environment(String service) {
        Map<String, String> environment = new HashMap<>();
        service(service)
                .path("environment")
                .fields()
                .forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        return environment;
    }

    private static String database(String jdbcUrl) {
        assertThat(jdbcUrl).startsWith("jdbc:postgresql://postgres:5432/");
        return jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    record Result(int exitCode, String stdout, String stderr) {
        String output() {
            return stdout + stderr;
        }
    }

    /**
     * Runs docker-compose with only PATH and HOME from this process: a TIDBCLOUD_* variable of the
     * developer's shell (bin/dev's test env sets several) would otherwise override the env file.
     */
    static Result compose(Path envFile, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "docker-compose",
                "--project-directory",
                COMPOSE_DIR.toString(),
                "-f",
                COMPOSE_FILE.toString(),
                "--env-file",
                envFile.toString()));
        command.addAll(List.of(args));
        Path stderrFile = Files.createTempFile(tmp, "compose", ".stderr");
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(COMPOSE_DIR.toFile()).redirectError(stderrFile.toFile());
        builder.environment()
                .keySet()
                .removeIf(name -> !Set.of("PATH", "HOME", "LANG").contains(name));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "docker-compose is not installed: bin/dev test installs it (Debian package docker-compose)", e);
        }
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), stdout, Files.readString(stderrFile));
    }
}
