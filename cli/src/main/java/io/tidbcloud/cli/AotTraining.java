package io.tidbcloud.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tidbcloud.cli.credentials.CredentialStore;
import io.tidbcloud.cli.credentials.Credentials;
import io.tidbcloud.cli.http.CliHttpClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The workload that {@code bin/ticloud} records the JDK 25 AOT cache with
 * ({@code -XX:AOTCacheOutput}, JEP 514/515): the everyday commands run
 * in-process against a loopback server answering like Keycloak and the API,
 * so that the classes they load, link and profile are the ones a real run
 * needs, without a network or a sign-in. Nothing it does is kept.
 */
final class AotTraining {

    private AotTraining() {}

    static int run() throws IOException {
        // Named "localhost", as the default profile's endpoints are: resolving a name loads classes an address does
        // not.
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", AotTraining::answer);
        server.start();
        Path dir = Files.createTempDirectory("ticloud-aot-training");
        try {
            String base = "http://localhost:" + server.getAddress().getPort();
            Map<String, String> env = Map.of(
                    "TICLOUD_CONFIG_DIR",
                    dir.resolve("config").toString(),
                    "TICLOUD_OAUTH_ENDPOINT",
                    base + "/realms/tidbcloud",
                    "TICLOUD_API_ENDPOINT",
                    base,
                    "TICLOUD_CREDENTIAL_STORE",
                    "file");
            long now = System.currentTimeMillis() / 1000;
            new CredentialStore(dir.resolve("config"))
                    .save(
                            "default",
                            new Credentials(
                                    base + "/realms/tidbcloud",
                                    "ticloud-cli",
                                    "training-access",
                                    "training-refresh",
                                    null,
                                    now - 301,
                                    now - 1,
                                    "openid project:read cluster:read",
                                    "training@example.com"));
            HttpClient http = CliHttpClient.create(); // the client a real run builds, so its classes are cached
            String[][] commands = {
                {"--help"},
                {"--version"},
                {"project", "list", "-o", "json"},
                {"project", "list"},
                {"serverless", "list", "-o", "json"},
                {"serverless", "list"},
                {"auth", "token"},
                {"project", "list", "-o", "json"},
                {"config", "list"},
            };
            for (String[] args : commands) {
                StringWriter sink = new StringWriter();
                CliContext context = new CliContext(
                        new PrintWriter(sink),
                        new PrintWriter(sink),
                        env,
                        dir,
                        http,
                        Clock.systemUTC(),
                        Sleeper.system(),
                        BrowserOpener.system(Map.of()),
                        false,
                        new GlobalOptions(),
                        new BufferedReader(new StringReader("")));
                Ticloud.run(context, args);
            }
            return 0;
        } finally {
            server.stop(0);
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        String body;
        if (path.endsWith("/token")) {
            body = "{\"access_token\":\"training-access\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                    + "\"refresh_token\":\"training-refresh\",\"scope\":\"openid project:read cluster:read\"}";
        } else if (path.startsWith("/v1beta1/projects")) {
            body = "{\"projects\":[{\"id\":\"1\",\"name\":\"default\",\"org_id\":\"1\",\"cluster_count\":0,"
                    + "\"user_count\":1,\"create_timestamp\":\"1700000000\"}],\"nextPageToken\":\"\",\"totalSize\":1}";
        } else if (path.startsWith("/v1beta1/clusters")) {
            body = "{\"clusters\":[{\"clusterId\":\"1\",\"displayName\":\"db\",\"state\":\"ACTIVE\",\"region\":"
                    + "{\"regionId\":\"aws-us-east-1\",\"cloudProvider\":\"aws\"}}],\"nextPageToken\":\"\",\"totalSize\":1}";
        } else {
            body = "{\"code\":5,\"message\":\"not found\",\"details\":[]}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(path.startsWith("/v1beta1") || path.endsWith("/token") ? 200 : 404, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
