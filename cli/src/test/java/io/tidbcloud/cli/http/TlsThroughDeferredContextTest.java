package io.tidbcloud.cli.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deferring the TLS set-up must not weaken it: through a {@link DeferredSslContext}, a real TLS
 * connection still checks the server's certificate chain and that the certificate names the host.
 */
class TlsThroughDeferredContextTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;

    private static HttpsServer server;
    private static KeyStore serverKeys;

    @BeforeAll
    static void startHttpsServerWithACertificateForLocalhost() throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "server",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        new String(PASSWORD))
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        serverKeys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            serverKeys.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(serverKeys, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", exchange -> {
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aServerWhoseCertificateIsTrustedAndNamesTheHostAnswers() throws Exception {
        HttpResponse<String> response =
                clientTrusting(serverKeys).send(request("localhost"), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("{\"ok\":true}", response.body());
    }

    @Test
    void aCertificateThatIsNotTrustedIsRefused() {
        HttpClient defaultTrust = CliHttpClient.create();
        assertThrows(
                SSLHandshakeException.class,
                () -> defaultTrust.send(request("localhost"), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefused() throws Exception {
        // The certificate names "localhost" only; 127.0.0.1 is the same server under a name it does not carry.
        HttpClient client = clientTrusting(serverKeys);
        assertThrows(
                SSLHandshakeException.class,
                () -> client.send(request("127.0.0.1"), HttpResponse.BodyHandlers.ofString()));
    }

    private static HttpRequest request(String host) {
        return HttpRequest.newBuilder(
                        URI.create("https://" + host + ":" + server.getAddress().getPort() + "/"))
                .build();
    }

    /** Built as {@link CliHttpClient} builds its client, with a trust store that holds the server's certificate. */
    private static HttpClient clientTrusting(KeyStore certificates) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", certificates.getCertificate("server"));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        DeferredSslContext deferred = DeferredSslContext.of(() -> {
            try {
                SSLContext real = SSLContext.getInstance("TLS");
                real.init(null, trustManagers.getTrustManagers(), null);
                return real;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(deferred)
                .sslParameters(DeferredSslContext.engineDefaults())
                .build();
    }
}
