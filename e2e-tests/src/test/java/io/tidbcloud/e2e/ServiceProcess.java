package io.tidbcloud.e2e;

import io.tidbcloud.testsupport.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of our packaged Quarkus services, started as its own process the way `bin/dev up` starts it,
 * on a free port and with a new database of its own ({@link TestDatabase}); stopped by {@link #close()}.
 */
final class ServiceProcess implements AutoCloseable {

    /** Where a service keeps its data; unless given, each process gets a new database of its own. */
    static final String DATABASE_URL = "QUARKUS_DATASOURCE_JDBC_URL";

    private final String module;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String module, int port, Process process, Path log) {
        this.module = module;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(String module, Map<String, String> extraEnv) throws IOException, InterruptedException {
        return start(module, freePort(), extraEnv);
    }

    /**
     * Starts the service on a fixed port: the web portal must listen where realm {@code tidbcloud}
     * registers its exact redirect URI ({@code TIDBCLOUD_PORTAL_URL}, port 18082 in tests).
     */
    static ServiceProcess start(String module, int port, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        Path root = TestStack.repoRoot();
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the module first");
        }
        try (ServerSocket probe = new ServerSocket(port)) {
            // free: the service may take it
        } catch (IOException inUse) {
            // Without this check the readiness probe would find the other process and report it ready.
            throw new IllegalStateException(
                    "port " + port + " is in use by another process; " + module + " needs it", inUse);
        }
        Path logs = Files.createDirectories(root.resolve("e2e-tests/target/e2e-logs"));
        Path log = logs.resolve(module + "-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(TestStack.javaBinary().toString(), "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("TIDBCLOUD_OIDC_URL", TestStack.oidcUrl());
        builder.environment().put("TIDBCLOUD_KEYCLOAK_URL", TestStack.keycloakUrl());
        // The jar runs in its prod profile, which has no default for these (bin/dev infra up's values).
        builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", "tidbcloud");
        builder.environment().putIfAbsent("TIDBCLOUD_API_PAGING_TOKEN_SECRET", "e2e-paging-token-secret");
        if (!extraEnv.containsKey(DATABASE_URL) && !"web-portal".equals(module)) {
            builder.environment()
                    .put(DATABASE_URL, TestDatabase.create("e2e_" + module).jdbcUrl());
        }
        builder.environment().putAll(extraEnv);
        ServiceProcess service = new ServiceProcess(module, port, builder.start(), log);
        try {
            service.awaitReady(Duration.ofSeconds(90));
        } catch (RuntimeException | InterruptedException e) {
            service.close();
            throw e;
        }
        return service;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(module + " not ready after " + timeout + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * SIGKILL, as the kernel's OOM killer or a lost node ends a process: no shutdown hook, no draining
     * of requests in flight, no transaction finished. {@link #close()} afterwards does nothing more.
     */
    void kill() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Linux
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException(module + " still running 10 s after SIGKILL");
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
