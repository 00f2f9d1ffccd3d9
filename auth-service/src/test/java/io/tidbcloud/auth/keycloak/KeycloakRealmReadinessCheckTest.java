package io.tidbcloud.auth.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The readiness probe on its own, against a real HTTP server standing in for a realm. */
class KeycloakRealmReadinessCheckTest {

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void realmThatAnswersItsDiscoveryDocumentIsUp() throws IOException {
        URI realm = serve(200, "{\"issuer\":\"http://kc/realms/tidbcloud\"}");

        HealthCheckResponse response = new KeycloakRealmReadinessCheck(config(realm)).call();

        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals(realm.toString(), response.getData().orElseThrow().get("realm"));
    }

    @Test
    void missingRealmIsDownWithTheHttpStatus() throws IOException {
        URI realm = serve(404, "{\"error\":\"Realm does not exist\"}");

        HealthCheckResponse response = new KeycloakRealmReadinessCheck(config(realm)).call();

        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals(
                "discovery answered HTTP 404", response.getData().orElseThrow().get("reason"));
    }

    @Test
    void unreachableKeycloakIsDown() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI realm = URI.create("http://127.0.0.1:" + closedPort + "/realms/tidbcloud");

        HealthCheckResponse response = new KeycloakRealmReadinessCheck(config(realm)).call();

        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertTrue(response.getData().orElseThrow().get("reason").toString().startsWith("unreachable"));
    }

    private URI serve(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/realms/tidbcloud/.well-known/openid-configuration", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/realms/tidbcloud");
    }

    private static KeycloakConfig config(URI realm) {
        return new KeycloakConfig() {
            @Override
            public URI realmUrl() {
                return realm;
            }

            @Override
            public Duration probeTimeout() {
                return Duration.ofSeconds(2);
            }
        };
    }
}
