package io.tidbcloud.cli.http;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one way ticloud sends HTTP: over the injected client, and with
 * {@code -D/--debug} every exchange printed on stderr with its tokens masked.
 */
public final class HttpTransport {

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "cookie", "set-cookie");

    private final HttpClient client;
    private final PrintWriter debug;
    private final Clock clock;

    /** @param debug where to print exchanges, or null to print nothing */
    public HttpTransport(HttpClient client, PrintWriter debug, Clock clock) {
        this.client = client;
        this.debug = debug;
        this.clock = clock;
    }

    /** Sends without logging. */
    public static HttpTransport quiet(HttpClient client) {
        return new HttpTransport(client, null, Clock.systemUTC());
    }

    /** Sends the request; {@code body} is what the request publishes (for the debug log), null when none. */
    public HttpResponse<String> send(HttpRequest request, String body) throws IOException, InterruptedException {
        if (debug == null) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        Instant start = clock.instant();
        debug.println("> " + request.method() + " " + request.uri());
        printHeaders("> ", request.headers().map());
        if (body != null && !body.isEmpty()) {
            debug.println("> " + Secrets.maskBody(body));
        }
        debug.flush();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            debug.println("< (no answer: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()) + ")");
            debug.flush();
            throw e;
        }
        long millis = Duration.between(start, clock.instant()).toMillis();
        debug.println("< HTTP " + response.statusCode() + " (" + millis + " ms)");
        printHeaders("< ", response.headers().map());
        if (response.body() != null && !response.body().isEmpty()) {
            debug.println("< " + Secrets.maskBody(response.body()));
        }
        debug.flush();
        return response;
    }

    private void printHeaders(String prefix, Map<String, List<String>> headers) {
        headers.forEach((name, values) -> {
            if (name.startsWith(":")) {
                return;
            }
            for (String value : values) {
                String shown = SECRET_HEADERS.contains(name.toLowerCase()) ? Secrets.maskAuthorization(value) : value;
                debug.println(prefix + name + ": " + shown);
            }
        });
    }
}
