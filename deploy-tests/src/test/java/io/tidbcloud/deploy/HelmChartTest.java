package io.tidbcloud.deploy;

import static io.tidbcloud.deploy.Repository.CHART_DIR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * infra/helm/tidbcloud through Helm's own code (helm-java): {@code helm lint --strict} and
 * {@code helm template} with the default values and with values-production.yaml, assertions on the
 * rendered objects, and values that values.schema.json must refuse.
 */
class HelmChartTest {

    private static final String RELEASE = "tidbcloud";
    private static final String NAMESPACE = "tidbcloud-prod";
    private static final Path PRODUCTION_VALUES = CHART_DIR.resolve("values-production.yaml");
    /** The three Quarkus services: Deployment and Service name suffix, and HTTP port. */
    private static final Map<String, Integer> SERVICES =
            Map.of("cloud-api", 8080, "auth-service", 8081, "web-portal", 8082);

    @TempDir
    static Path tmp;

    private static List<JsonNode> defaults;
    private static List<JsonNode> production;

    @BeforeAll
    static void render() {
        defaults = template(new Helm(CHART_DIR).template());
        production = template(new Helm(CHART_DIR).template().withValuesFile(PRODUCTION_VALUES));
    }

    private static List<JsonNode> template(com.marcnuri.helm.TemplateCommand command) {
        return Repository.readYamlDocuments(
                command.withName(RELEASE).withNamespace(NAMESPACE).call());
    }

    @Test
    void lintStrictPassesWithTheDefaultValues() {
        LintResult result = new Helm(CHART_DIR).lint().strict().call();
        assertThat(result.isFailed())
                .as("helm lint --strict: %s", result.getMessages())
                .isFalse();
    }

    /**
     * helm-java's lint takes no values file, so this lints a copy of the chart whose values.yaml is
     * values.yaml with values-production.yaml merged over it, as Helm merges them.
     */
    @Test
    void lintStrictPassesWithTheProductionValues() throws IOException {
        Path chart = copyChart(tmp.resolve("production-chart"));
        ObjectNode merged = (ObjectNode) Repository.readYaml(CHART_DIR.resolve("values.yaml"));
        merge(merged, Repository.readYaml(PRODUCTION_VALUES));
        Repository.YAML.writeValue(chart.resolve("values.yaml").toFile(), merged);
        LintResult result = new Helm(chart).lint().strict().call();
        assertThat(result.isFailed())
                .as("helm lint --strict: %s", result.getMessages())
                .isFalse();
    }

    @Test
    void everyContainerHasProbesAndResources() {
        for (List<JsonNode> rendered : List.of(defaults, production)) {
            List<JsonNode> workloads = rendered.stream()
                    .filter(o -> Stream.of("Deployment", "StatefulSet").anyMatch(kind(o)::equals))
                    .toList();
            assertThat(workloads).hasSize(4);
            for (JsonNode workload : workloads) {
                for (JsonNode container :
                        workload.path("spec").path("template").path("spec").path("containers")) {
                    String who = name(workload) + "/" + container.path("name").asText();
                    assertThat(container
                                    .path("livenessProbe")
                                    .path("httpGet")
                                    .path("path")
                                    .asText())
                            .as("liveness of %s", who)
                            .isNotEmpty();
                    assertThat(container
                                    .path("readinessProbe")
                                    .path("httpGet")
                                    .path("path")
                                    .asText())
                            .as("readiness of %s", who)
                            .isNotEmpty();
                    assertThat(container
                                    .path("resources")
                                    .path("requests")
                                    .path("memory")
                                    .isMissingNode())
                            .as("memory request of %s", who)
                            .isFalse();
                    assertThat(container
                                    .path("resources")
                                    .path("limits")
                                    .path("memory")
                                    .isMissingNode())
                            .as("memory limit of %s", who)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void eachServiceIsADeploymentProbedOnQuarkusHealthWithAnAutoscalerAndADisruptionBudget() {
        SERVICES.forEach((service, port) -> {
            String name = RELEASE + "-" + service;
            JsonNode container = container(object(defaults, "Deployment", name));
            assertThat(container
                            .path("livenessProbe")
                            .path("httpGet")
                            .path("path")
                            .asText())
                    .isEqualTo("/q/health/live");
            assertThat(container
                            .path("readinessProbe")
                            .path("httpGet")
                            .path("path")
                            .asText())
                    .isEqualTo("/q/health/ready");
            assertThat(container.path("ports").get(0).path("containerPort").asInt())
                    .isEqualTo(port);
            assertThat(env(container)).containsEntry("QUARKUS_HTTP_PORT", String.valueOf(port));
            assertThat(object(defaults, "Service", name)
                            .path("spec")
                            .path("ports")
                            .get(0)
                            .path("port")
                            .asInt())
                    .isEqualTo(port);
            JsonNode hpa = object(defaults, "HorizontalPodAutoscaler", name);
            assertThat(hpa.path("spec").path("scaleTargetRef").path("name").asText())
                    .isEqualTo(name);
            assertThat(hpa.path("spec").path("maxReplicas").asInt())
                    .isGreaterThanOrEqualTo(hpa.path("spec").path("minReplicas").asInt());
            assertThat(object(defaults, "PodDisruptionBudget", name)
                            .path("spec")
                            .path("selector")
                            .path("matchLabels"))
                    .isEqualTo(object(defaults, "Deployment", name)
                            .path("spec")
                            .path("selector")
                            .path("matchLabels"));
        });
        assertThat(object(production, "HorizontalPodAutoscaler", RELEASE + "-cloud-api")
                        .path("spec")
                        .path("maxReplicas")
                        .asInt())
                .isEqualTo(20);
    }

    @Test
    void keycloakIsAStatefulSetOfTwoOrMoreWithAHeadlessServiceAndADisruptionBudget() {
        for (List<JsonNode> rendered : List.of(defaults, production)) {
            JsonNode keycloak = object(rendered, "StatefulSet", RELEASE + "-keycloak");
            assertThat(keycloak.path("spec").path("replicas").asInt()).isGreaterThanOrEqualTo(2);
            String serviceName = keycloak.path("spec").path("serviceName").asText();
            JsonNode headless = object(rendered, "Service", serviceName);
            assertThat(headless.path("spec").path("clusterIP").asText()).isEqualTo("None");
            assertThat(headless.path("spec").path("selector"))
                    .isEqualTo(keycloak.path("spec").path("selector").path("matchLabels"));
            assertThat(env(container(keycloak)))
                    .containsEntry("KC_CACHE", "ispn")
                    .containsEntry("KC_CACHE_STACK", "jdbc-ping");
            assertThat(container(keycloak)
                            .path("readinessProbe")
                            .path("httpGet")
                            .path("path")
                            .asText())
                    .isEqualTo("/health/ready");
            object(rendered, "PodDisruptionBudget", RELEASE + "-keycloak");
        }
        assertThat(object(production, "StatefulSet", RELEASE + "-keycloak")
                        .path("spec")
                        .path("replicas")
                        .asInt())
                .isEqualTo(3);
    }

    @Test
    void keycloaksRevocationListenerPostsToTheAuthServiceService() {
        JsonNode keycloak = container(object(defaults, "StatefulSet", RELEASE + "-keycloak"));
        URI url = URI.create(env(keycloak).get("KC_SPI_EVENTS_LISTENER__TIDBCLOUD_REVOCATION__URL"));
        assertThat(url.getHost()).isEqualTo(RELEASE + "-auth-service." + NAMESPACE + ".svc");
        object(defaults, "Service", RELEASE + "-auth-service");
        assertThat(url.getPort()).isEqualTo(SERVICES.get("auth-service"));
        assertThat(secretRef(keycloak, "TIDBCLOUD_EVENTS_SECRET"))
                .isEqualTo(secretRef(
                        container(object(defaults, "Deployment", RELEASE + "-auth-service")),
                        "TIDBCLOUD_EVENTS_SECRET"));
        // and every API instance reads auth-service's feed through the same Service
        JsonNode api = container(object(defaults, "Deployment", RELEASE + "-cloud-api"));
        assertThat(URI.create(env(api).get("TIDBCLOUD_AUTH_SERVICE_URL")).getHost())
                .isEqualTo(url.getHost());
    }

    @Test
    void theIngressServesThePortalTheApiAndKeycloaksPublicPathsOverTls() {
        for (List<JsonNode> rendered : List.of(defaults, production)) {
            List<JsonNode> ingresses =
                    rendered.stream().filter(o -> kind(o).equals("Ingress")).toList();
            assertThat(ingresses).hasSize(1);
            JsonNode spec = ingresses.get(0).path("spec");
            List<String> tlsHosts = texts(spec.path("tls").get(0).path("hosts"));
            List<String> backends = new ArrayList<>();
            for (JsonNode rule : spec.path("rules")) {
                assertThat(tlsHosts).contains(rule.path("host").asText());
                for (JsonNode path : rule.path("http").path("paths")) {
                    String service =
                            path.path("backend").path("service").path("name").asText();
                    backends.add(service + " " + path.path("path").asText());
                }
            }
            assertThat(spec.path("tls").get(0).path("secretName").asText()).isNotEmpty();
            assertThat(backends)
                    .containsExactlyInAnyOrder(
                            RELEASE + "-keycloak /realms/",
                            RELEASE + "-keycloak /resources/",
                            RELEASE + "-web-portal /",
                            RELEASE + "-cloud-api /v1beta1/");
        }
    }

    @Test
    void networkPoliciesLetOnlyThePublicPartsBeReachedFromOutside() {
        List<JsonNode> policies =
                defaults.stream().filter(o -> kind(o).equals("NetworkPolicy")).toList();
        JsonNode defaultDeny = object(defaults, "NetworkPolicy", RELEASE + "-default-deny");
        assertThat(defaultDeny.path("spec").path("ingress").isMissingNode()).isTrue();
        assertThat(texts(defaultDeny.path("spec").path("policyTypes"))).containsExactly("Ingress");
        List<String> reachableFromIngressController = new ArrayList<>();
        for (JsonNode policy : policies) {
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                for (JsonNode peer : rule.path("from")) {
                    if (peer.path("namespaceSelector")
                            .path("matchLabels")
                            .path("kubernetes.io/metadata.name")
                            .asText()
                            .equals("ingress-nginx")) {
                        reachableFromIngressController.add(policy.path("spec")
                                        .path("podSelector")
                                        .path("matchLabels")
                                        .path("app.kubernetes.io/name")
                                        .asText()
                                + ":" + texts(rule.path("ports").findValues("port")));
                    }
                }
            }
        }
        assertThat(reachableFromIngressController)
                .containsExactlyInAnyOrder("keycloak:[8080]", "web-portal:[8082]", "cloud-api:[8080]");
        JsonNode authService = object(defaults, "NetworkPolicy", RELEASE + "-auth-service");
        assertThat(authService.path("spec").path("ingress").get(0).path("from").findValues("namespaceSelector"))
                .isEmpty();
    }

    @Test
    void noSecretIsRenderedOrGivenAsAPlainValue() throws IOException {
        for (List<JsonNode> rendered : List.of(defaults, production)) {
            assertThat(rendered).noneMatch(o -> kind(o).equals("Secret"));
            rendered.stream()
                    .filter(o -> Stream.of("Deployment", "StatefulSet").anyMatch(kind(o)::equals))
                    .forEach(workload -> {
                        for (JsonNode envVar : container(workload).path("env")) {
                            String name = envVar.path("name").asText();
                            if (Repository.SECRET_NAME.matcher(name).matches()) {
                                assertThat(envVar.has("value"))
                                        .as("%s of %s is a plain value", name, name(workload))
                                        .isFalse();
                                assertThat(envVar.path("valueFrom")
                                                .path("secretKeyRef")
                                                .path("name")
                                                .asText())
                                        .as("%s of %s comes from a Secret", name, name(workload))
                                        .isNotEmpty();
                            }
                        }
                    });
        }
        // values.yaml and values-production.yaml only ever name Secrets
        for (Path values : List.of(CHART_DIR.resolve("values.yaml"), PRODUCTION_VALUES)) {
            List<String> secretKeys = new ArrayList<>();
            collectSecretKeys(Repository.readYaml(values), "", secretKeys);
            assertThat(secretKeys)
                    .as("keys of %s", values.getFileName())
                    .allMatch(key -> key.endsWith("xistingSecret") || key.endsWith("tlsSecretName"));
        }
    }

    @Test
    void theServicesReachKeycloakThroughItsServiceAndTheirOwnDatabase() {
        String keycloakUrl = "http://" + RELEASE + "-keycloak." + NAMESPACE + ".svc:8080";
        List<String> databases = new ArrayList<>();
        for (String service : SERVICES.keySet()) {
            Map<String, String> env = env(container(object(production, "Deployment", RELEASE + "-" + service)));
            assertThat(env).containsEntry("TIDBCLOUD_OIDC_URL", keycloakUrl + "/realms/tidbcloud");
            if (env.containsKey("QUARKUS_DATASOURCE_JDBC_URL")) {
                databases.add(env.get("QUARKUS_DATASOURCE_JDBC_URL") + " " + env.get("QUARKUS_DATASOURCE_USERNAME"));
            }
        }
        Map<String, String> keycloak = env(container(object(production, "StatefulSet", RELEASE + "-keycloak")));
        databases.add(keycloak.get("KC_DB_URL") + " " + keycloak.get("KC_DB_USERNAME"));
        assertThat(databases)
                .containsExactlyInAnyOrder(
                        "jdbc:postgresql://tidbcloud-postgres.database.svc:5432/cloud_api?sslmode=verify-full cloud_api",
                        "jdbc:postgresql://tidbcloud-postgres.database.svc:5432/auth_service?sslmode=verify-full auth_service",
                        "jdbc:postgresql://tidbcloud-postgres.database.svc:5432/keycloak?sslmode=verify-full keycloak");
        assertThat(keycloak)
                .containsEntry("KC_HOSTNAME", "https://login.tidbcloud.example")
                .containsEntry("TIDBCLOUD_PORTAL_URL", "https://portal.tidbcloud.example");
        assertThat(container(object(production, "Deployment", RELEASE + "-auth-service"))
                        .path("image")
                        .asText())
                .isEqualTo("registry.example.com/tidbcloud/auth-service:0.1.0");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "cloudApi: {replicas: two}",
                "keycloak: {replicas: 1}",
                "keycloak: {url: null}",
                "keycloak: {url: ''}",
                "keycloak: {url: 'https://login.example.com/realms/tidbcloud'}",
                "postgres: {port: '5432'}",
                "webPortal: {autoscaling: {targetCPUUtilizationPercentage: 170}}",
                "identityProviders: {google: {clientSecret: shhh}}",
                "authService: {db: {password: shhh}}",
                "image: {pullPolicy: Sometimes}"
            })
    void theSchemaRefusesAWrongValue(String wrong) throws IOException {
        Path values = Files.writeString(Files.createTempFile(tmp, "wrong", ".yaml"), wrong);
        assertThatThrownBy(() -> new Helm(CHART_DIR)
                        .template()
                        .withValuesFile(PRODUCTION_VALUES)
                        .withValuesFile(values)
                        .withName(RELEASE)
                        .call())
                .hasMessageContaining("values don't meet the specifications of the schema");
    }

    // ------------------------------------------------------------------------------------------

    private static String kind(JsonNode object) {
        return object.path("kind").asText();
    }

    private static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    private static JsonNode object(List<JsonNode> rendered, String kind, String name) {
        return rendered.stream()
                .filter(o -> kind(o).equals(kind) && name(o).equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " rendered"));
    }

    private static JsonNode container(JsonNode workload) {
        JsonNode containers =
                workload.path("spec").path("template").path("spec").path("containers");
        assertThat(containers.size()).isEqualTo(1);
        return containers.get(0);
    }

    /** A container's plain env values (entries from a Secret are left out). */
    private static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new java.util.HashMap<>();
        for (JsonNode envVar : container.path("env")) {
            if (envVar.has("value")) {
                env.put(envVar.path("name").asText(), envVar.path("value").asText());
            }
        }
        return env;
    }

    private static String secretRef(JsonNode container, String name) {
        for (JsonNode envVar : container.path("env")) {
            if (envVar.path("name").asText().equals(name)) {
                JsonNode ref = envVar.path("valueFrom").path("secretKeyRef");
                return ref.path("name").asText() + "/" + ref.path("key").asText();
            }
        }
        throw new AssertionError("no " + name);
    }

    private static List<String> texts(Iterable<JsonNode> nodes) {
        List<String> texts = new ArrayList<>();
        nodes.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static void collectSecretKeys(JsonNode node, String path, List<String> keys) {
        node.fields().forEachRemaining(field -> {
            String key = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (Repository.SECRET_NAME.matcher(field.getKey()).matches()) {
                keys.add(key);
            }
            if (field.getValue().isObject()) {
                collectSecretKeys(field.getValue(), key, keys);
            }
        });
    }

    /** Helm's merge of a values file over another: objects merge key by key, anything else replaces. */
    private static void merge(ObjectNode target, JsonNode overrides) {
        overrides.fields().forEachRemaining(field -> {
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode object && field.getValue().isObject()) {
                merge(object, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        });
    }

    /** A copy of the chart with its links resolved (files/tidbcloud-realm.json links to the realm). */
    private static Path copyChart(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(CHART_DIR)) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(CHART_DIR.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
        return target;
    }
}
