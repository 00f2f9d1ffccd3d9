package io.tidbcloud.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keeps cookies and sends Accept like a browser, and follows redirects only when asked. Keycloak marks its cookies
 * Secure even on http://localhost, where browsers still send them; java.net's CookieManager would not.
 */
public final class CookieKeepingBrowser {

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(request(url).GET().build());
    }

    public HttpResponse<String> postForm(String url, Map<String, String> form)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public HttpResponse<String> followRedirects(HttpResponse<String> response)
            throws IOException, InterruptedException {
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            response = get(response.uri().resolve(location).toString());
        }
        return response;
    }

    private HttpRequest.Builder request(String url) {
        // A navigation's Accept header: Keycloak's POST /device picks the user-code form over the
        // device authorization request (JSON) by it.
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if (!cookies.isEmpty()) {
            builder.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return response;
    }
}
