package io.tidbcloud.cli.http;

import java.net.http.HttpClient;
import java.time.Duration;

/** The {@link HttpClient} that ticloud sends with (and records its AOT cache with). */
public final class CliHttpClient {

    private CliHttpClient() {}

    /**
     * Built on first use; TLS set up on the first {@code https://} connection. HTTP/1.1: a CLI sends a
     * few requests one after another, so HTTP/2 gains nothing, while on {@code http://} it costs an
     * {@code h2c} upgrade round and the HTTP/2 machinery's classes.
     */
    public static HttpClient create() {
        return new LazyHttpClient(() -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(DeferredSslContext.jdkDefault())
                .sslParameters(DeferredSslContext.engineDefaults())
                .build());
    }
}
