package io.tidbcloud.cli.http;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} built on first use. Building one starts its selector thread and sets up
 * its request machinery, tens of milliseconds of a JVM CLI's start-up; commands that never call a
 * server ({@code --help}, {@code config}, {@code completion}) should not pay for it.
 */
public final class LazyHttpClient extends HttpClient {

    private final Lazy<HttpClient> client;

    public LazyHttpClient(Supplier<HttpClient> factory) {
        this.client = new Lazy<>(factory);
    }

    private HttpClient client() {
        return client.get();
    }

    /**
     * Closes the client if it was built, which ends its selector thread; a no-op otherwise.
     * Java 21 made {@code HttpClient} {@link AutoCloseable}; on 17 the thread is a daemon and stays.
     */
    public void closeIfBuilt() {
        if (client.ifMade() instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // The process is about to exit: nothing is left to send.
            }
        }
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return client().cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return client().connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return client().followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return client().proxy();
    }

    @Override
    public SSLContext sslContext() {
        return client().sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return client().sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return client().authenticator();
    }

    @Override
    public Version version() {
        return client().version();
    }

    @Override
    public Optional<Executor> executor() {
        return client().executor();
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return client().send(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return client().sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            HttpRequest request,
            HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return client().sendAsync(request, handler, pushPromiseHandler);
    }
}
