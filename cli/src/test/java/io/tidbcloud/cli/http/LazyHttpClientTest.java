package io.tidbcloud.cli.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
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
}
