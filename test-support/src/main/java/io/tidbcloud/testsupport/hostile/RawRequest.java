package io.tidbcloud.testsupport.hostile;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A request exactly as a hostile client sends it: any method, repeated headers (two
 * {@code Authorization} headers), any content type, any bytes as body. HTTP/1.1, no redirects.
 * A connection the server drops without a status is an {@link Answer} with status 0, so that a
 * test reports it like any other wrong answer.
 */
public record RawRequest(String method, String path, List<Map.Entry<String, String>> headers, byte[] body) {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public static RawRequest of(String method, String path) {
        return new RawRequest(method, path, List.of(), null);
    }

    public RawRequest header(String name, String value) {
        List<Map.Entry<String, String>> more = new ArrayList<>(headers);
        more.add(Map.entry(name, value));
        return new RawRequest(method, path, List.copyOf(more), body);
    }

    /** {@code Authorization: Bearer <token>}. */
    public RawRequest bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    public RawRequest body(String contentType, String text) {
        return body(contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    public RawRequest body(String contentType, byte[] bytes) {
        RawRequest typed = contentType == null ? this : header("Content-Type", contentType);
        return new RawRequest(typed.method, typed.path, typed.headers, bytes);
    }

    /**
     * Sends it to the service at {@code baseUrl}. A connection that ends without a status is tried
     * once more on a fresh client: the server closes a connection after refusing a request at the
     * HTTP layer (414, 431), and a pooled connection it closed would otherwise fail the next request.
     */
    public Answer send(String baseUrl) {
        Answer answer = send(baseUrl, HTTP);
        if (answer.status() != 0) {
            return answer;
        }
        HttpClient fresh = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return send(baseUrl, fresh);
    }

    private Answer send(String baseUrl, HttpClient client) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(strip(baseUrl) + path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, String> header : headers) {
            request.header(header.getKey(), header.getValue());
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException dropped) {
            return new Answer(0, Map.of(), "no status: " + dropped);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + this, e);
        }
    }

    @Override
    public String toString() {
        StringBuilder shown = new StringBuilder(method + " " + abbreviate(path, 120));
        for (Map.Entry<String, String> header : headers) {
            shown.append(" [")
                    .append(header.getKey())
                    .append(": ")
                    .append(abbreviate(header.getValue(), 40))
                    .append(']');
        }
        if (body != null) {
            shown.append(" body ")
                    .append(body.length)
                    .append(" bytes: ")
                    .append(abbreviate(new String(body, StandardCharsets.UTF_8), 80));
        }
        return shown.toString();
    }

    private static String abbreviate(String value, int length) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= length ? printable : printable.substring(0, length) + "...";
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
