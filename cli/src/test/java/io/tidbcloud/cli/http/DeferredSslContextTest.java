package io.tidbcloud.cli.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.http.HttpClient;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

class DeferredSslContextTest {

    @Test
    void anHttpClientBuiltWithItDoesNotSetUpTlsUntilATlsConnectionNeedsIt() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        DeferredSslContext deferred = deferringJdkDefault(asked);

        HttpClient client = HttpClient.newBuilder()
                .sslContext(deferred)
                .sslParameters(DeferredSslContext.engineDefaults())
                .build();
        assertEquals(0, asked.get());

        SSLEngine engine = client.sslContext().createSSLEngine("api.example.com", 443);
        client.sslContext().createSSLEngine("api.example.com", 443);

        assertEquals(1, asked.get());
        assertEquals("api.example.com", engine.getPeerHost());
        // No protocols or suites of its own: the engine keeps the real context's defaults.
        assertEquals(
                SSLContext.getDefault().getDefaultSSLParameters().getProtocols().length,
                engine.getSSLParameters().getProtocols().length);
    }

    @Test
    void itsSocketFactoryCanBeKeptWithoutSettingUpTlsAndSetsItUpForTheFirstSocket() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        DeferredSslContext deferred = deferringJdkDefault(asked);

        // What the Nimbus SDK's HTTPRequest does at class set-up through SSLSocketFactory.getDefault().
        SSLSocketFactory kept = deferred.getSocketFactory();
        assertEquals(0, asked.get());

        try (Socket socket = kept.createSocket()) {
            assertTrue(socket instanceof SSLSocket);
        }
        assertTrue(kept.getDefaultCipherSuites().length > 0);
        assertEquals(1, asked.get());
    }

    @Test
    void theCliClientSpeaksHttp11AndDoesNotFollowRedirects() {
        HttpClient client = CliHttpClient.create();

        assertEquals(HttpClient.Version.HTTP_1_1, client.version());
        assertEquals(HttpClient.Redirect.NEVER, client.followRedirects());
        assertEquals(DeferredSslContext.class, client.sslContext().getClass());
        // The context Main makes the JVM's default: one trust store a process, whoever needs TLS first.
        assertSame(DeferredSslContext.jdkDefault(), client.sslContext());
    }

    /** A deferred context over a new JDK default context, counting how often it is asked for. */
    private static DeferredSslContext deferringJdkDefault(AtomicInteger asked) {
        return DeferredSslContext.of(() -> {
            asked.incrementAndGet();
            try {
                return SSLContext.getInstance("Default");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
