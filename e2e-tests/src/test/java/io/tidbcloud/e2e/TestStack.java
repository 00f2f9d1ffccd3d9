package io.tidbcloud.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared test infrastructure and the built repository are (see infra/README.md). */
final class TestStack {

    private TestStack() {}

    static String keycloakUrl() {
        return env("TIDBCLOUD_KEYCLOAK_URL", "http://localhost:18180");
    }

    /** Keycloak's management interface: /health, /metrics. */
    static String keycloakManagementUrl() {
        return env("TIDBCLOUD_KEYCLOAK_MANAGEMENT_URL", "http://localhost:19180");
    }

    static String oidcUrl() {
        return env("TIDBCLOUD_OIDC_URL", keycloakUrl() + "/realms/tidbcloud");
    }

    static Path repoRoot() {
        String configured = System.getProperty("tidbcloud.repo.root");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        root = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("bin/dev"))) {
            throw new IllegalStateException("not the repository root: " + root);
        }
        return root;
    }

    static Path javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
