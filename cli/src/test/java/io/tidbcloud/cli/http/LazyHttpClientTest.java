package io.tidbcloud.cli.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyHttpClientTest {

    @Test
    void clientIsBuiltOnFirstUseAndOnlyOnce() {
        AtomicInteger built = new AtomicInteger();
        LazyHttpClient lazy = new LazyHttpClient(() -> {
            built.incrementAndGet();
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        });

        assertEquals(0, built.get());
        assertEquals(Duration.ofSeconds(3), lazy.connectTimeout().orElseThrow());
        lazy.followRedirects();

        assertEquals(1, built.get());
    }

    @Test
    void closingAClientNeverUsedBuildsNothing() {
        AtomicInteger built = new AtomicInteger();
        LazyHttpClient lazy = new LazyHttpClient(() -> {
            built.incrementAndGet();
            return HttpClient.newHttpClient();
        });

        lazy.closeIfBuilt();

        assertEquals(0, built.get());
    }

    @Test
    void closingABuiltClientClosesIt() throws Exception {
        HttpClient real = HttpClient.newHttpClient();
        LazyHttpClient lazy = new LazyHttpClient(() -> real);
        lazy.followRedirects();

        lazy.closeIfBuilt();

        // Java 21+: a closed client refuses new requests (on 17 HttpClient cannot be closed).
        if (real instanceof AutoCloseable) {
            HttpRequest request =
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:9/")).build();
            IOException refused =
                    assertThrows(IOException.class, () -> lazy.send(request, HttpResponse.BodyHandlers.discarding()));
            assertTrue(refused.getMessage() != null && refused.getMessage().contains("closed"), refused.getMessage());
        }
    }
}
