package io.tidbcloud.cli.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

class DeferredSslContextTest {

    @Test
    void anHttpClientBuiltWithItDoesNotSetUpTlsUntilATlsConnectionNeedsIt() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        DeferredSslContext deferred = DeferredSslContext.of(() -> {
            asked.incrementAndGet();
            try {
                return SSLContext.getDefault();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        HttpClient client = HttpClient.newBuilder().sslContext(deferred)
                .sslParameters(DeferredSslContext.engineDefaults()).build();
        assertEquals(0, asked.get());

        SSLEngine engine = client.sslContext().createSSLEngine("api.example.com", 443);
        client.sslContext().createSSLEngine("api.example.com", 443);

        assertEquals(1, asked.get());
        assertEquals("api.example.com", engine.getPeerHost());
        // No protocols or suites of its own: the engine keeps the real context's defaults.
        assertEquals(SSLContext.getDefault().getDefaultSSLParameters().getProtocols().length,
                engine.getSSLParameters().getProtocols().length);
    }

    @Test
    void theCliClientSpeaksHttp11AndDoesNotFollowRedirects() {
        HttpClient client = CliHttpClient.create();

        assertEquals(HttpClient.Version.HTTP_1_1, client.version());
        assertEquals(HttpClient.Redirect.NEVER, client.followRedirects());
        assertEquals(DeferredSslContext.class, client.sslContext().getClass());
    }
}
