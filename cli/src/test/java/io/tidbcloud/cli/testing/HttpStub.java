package io.tidbcloud.cli.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real HTTP server on an ephemeral port that answers scripted responses, in
 * order, per method and path. Each scripted response is used once; a request
 * nobody scripted fails the test, and so does a scripted response nobody asked
 * for ({@link #verifyAllUsed()}).
 *
 * <p>Held in a {@code @RegisterExtension} field, it stops itself after each test.
 */
public final class HttpStub implements AutoCloseable, AfterEachCallback {

    /** A request as the server saw it. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {

        public Map<String, String> form() {
            return parse(body);
        }

        public Map<String, String> queryParameters() {
            return parse(query);
        }

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        private static Map<String, String> parse(String encoded) {
            Map<String, String> result = new LinkedHashMap<>();
            if (encoded == null || encoded.isEmpty()) {
                return result;
            }
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                result.put(key, value);
            }
            return result;
        }
    }

    /** A scripted answer; {@link #drop()} closes the connection without one. */
    public record Response(int status, String contentType, String body, Map<String, String> headers) {

        public static Response json(int status, String body) {
            return new Response(status, "application/json", body, Map.of());
        }

        public static Response html(int status, String body) {
            return new Response(status, "text/html", body, Map.of());
        }

        public static Response drop() {
            return new Response(-1, null, null, Map.of());
        }

        public Response withHeader(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Response(status, contentType, body, all);
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Response>> scripts = new LinkedHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final List<String> unexpected = new ArrayList<>();

    public HttpStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized HttpStub on(String method, String path, Response... responses) {
        scripts.computeIfAbsent(method + " " + path, key -> new ArrayDeque<>()).addAll(List.of(responses));
        return this;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<Request> requests(String method, String path) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .toList();
    }

    public synchronized void verifyAllUsed() {
        if (!unexpected.isEmpty()) {
            fail("unexpected requests: " + unexpected);
        }
        scripts.forEach((key, queue) -> {
            if (!queue.isEmpty()) {
                fail("scripted responses never requested: " + key + " (" + queue.size() + " left)");
            }
        });
    }

    @Override
    public void close() {
        server.stop(0);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        URI uri = exchange.getRequestURI();
        Response response;
        synchronized (this) {
            requests.add(new Request(
                    exchange.getRequestMethod(),
                    uri.getPath(),
                    uri.getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body));
            Deque<Response> queue = scripts.get(exchange.getRequestMethod() + " " + uri.getPath());
            response = queue == null ? null : queue.poll();
            if (response == null) {
                unexpected.add(exchange.getRequestMethod() + " " + uri);
            }
        }
        if (response == null) {
            send(exchange, Response.json(500, "{\"error\":\"not scripted\"}"));
        } else if (response.status() < 0) {
            exchange.close();
        } else {
            send(exchange, response);
        }
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        byte[] bytes = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
        if (response.contentType() != null) {
            exchange.getResponseHeaders().add("Content-Type", response.contentType());
        }
        response.headers()
                .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
