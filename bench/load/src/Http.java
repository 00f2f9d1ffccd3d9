import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One client's HTTP connection pool (HTTP/1.1 keep-alive, as ticloud and most SDKs use it). Times
 * every answered request under its endpoint's name and records every unexpected answer as an error.
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** An answer; {@code json} is null when the body is not JSON, {@code location} without a Location header. */
    record Answer(int status, String body, JsonNode json, String location) {}

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private Stats stats = new Stats();

    void recordInto(Stats stats) {
        this.stats = stats;
    }

    Stats stats() {
        return stats;
    }

    /** The answer whatever its status, timed under {@code endpoint}; null (an error recorded) when none came. */
    Answer send(String endpoint, HttpRequest request) {
        return send(endpoint, request, null);
    }

    /** As {@link #send(String, HttpRequest)}, and keeps the cookies the answer sets in {@code cookies}, as a browser does. */
    Answer send(String endpoint, HttpRequest request, Map<String, String> cookies) {
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            stats.error(endpoint + " -> " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        stats.record(endpoint, System.nanoTime() - started);
        if (cookies != null) {
            keepCookies(request.uri(), response.headers().allValues("Set-Cookie"), cookies);
        }
        return new Answer(
                response.statusCode(),
                response.body(),
                parse(response.body()),
                response.headers().firstValue("Location").orElse(null));
    }

    /**
     * Keeps cookies by path and name: both realms of a federated sign-in set AUTH_SESSION_ID, each
     * under its own path, and a browser sends each only to its own realm.
     */
    private static void keepCookies(URI uri, List<String> setCookies, Map<String, String> cookies) {
        for (String setCookie : setCookies) {
            String[] parts = setCookie.split(";");
            int eq = parts[0].indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String path = uri.getPath().substring(0, uri.getPath().lastIndexOf('/') + 1);
            boolean expired = false;
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].strip();
                String lower = attribute.toLowerCase();
                if (lower.startsWith("path=")) {
                    path = attribute.substring(5);
                } else if (lower.equals("max-age=0") || lower.startsWith("expires=thu, 01 jan 1970")) {
                    expired = true;
                }
            }
            String key = path + COOKIE_KEY + parts[0].substring(0, eq).strip();
            if (expired) {
                cookies.remove(key);
            } else {
                cookies.put(key, parts[0].substring(eq + 1).strip());
            }
        }
    }

    /** The Cookie header a browser sends to {@code uri} from what {@link #keepCookies} kept; null when none. */
    static String cookieHeader(URI uri, Map<String, String> cookies) {
        StringBuilder header = new StringBuilder();
        cookies.forEach((key, value) -> {
            int split = key.indexOf(COOKIE_KEY);
            String path = key.substring(0, split);
            String withSlash = path.endsWith("/") ? path : path + "/";
            if (uri.getPath().equals(path) || uri.getPath().startsWith(withSlash)) {
                header.append(header.isEmpty() ? "" : "; ").append(key.substring(split + 1)).append('=').append(value);
            }
        });
        return header.isEmpty() ? null : header.toString();
    }

    /** Between a kept cookie's path and name (neither may hold a space). */
    private static final String COOKIE_KEY = " ";

    /** The answer if its status is {@code expected}; otherwise null, with the status recorded as an error. */
    Answer expect(String endpoint, HttpRequest request, int expected) {
        Answer answer = send(endpoint, request);
        if (answer != null && answer.status() != expected) {
            stats.error(endpoint + " -> " + answer.status(), answer.body());
            return null;
        }
        return answer;
    }

    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
    }

    static HttpRequest get(String url, String token) {
        return request(url).header("Authorization", "Bearer " + token).GET().build();
    }

    static HttpRequest json(String method, String url, String token, Object body) {
        try {
            return request(url)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static HttpRequest delete(String url, String token) {
        return request(url).header("Authorization", "Bearer " + token).DELETE().build();
    }

    static HttpRequest form(String url, Map<String, String> form) {
        return request(url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isEmpty() || (body.charAt(0) != '{' && body.charAt(0) != '[')) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
