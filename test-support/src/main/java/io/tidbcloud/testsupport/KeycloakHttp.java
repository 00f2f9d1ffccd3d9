package io.tidbcloud.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.Map;
import java.util.stream.Collectors;

/** The few HTTP calls the helpers make: form posts to token endpoints and JSON to the admin API. */
final class KeycloakHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    JsonNode postForm(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        JsonNode answer = parse(send(request, 200), request);
        IssuedSecrets.recordTokenResponse(answer);
        return answer;
    }

    HttpResponse<String> sendJson(String method, String url, String bearer, Object body, int... expected) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json");
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        return send(builder.build(), expected);
    }

    JsonNode getJson(String url, String bearer) {
        HttpResponse<String> response = sendJson("GET", url, bearer, null, 200);
        return parse(response, response.request());
    }

    private HttpResponse<String> send(HttpRequest request, int... expected) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new KeycloakTestException(
                    request.method() + " " + request.uri()
                            + " failed: is the test Keycloak running? (bin/dev infra up, then source .dev/test/env)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakTestException("interrupted: " + request.method() + " " + request.uri(), e);
        }
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response;
            }
        }
        throw new KeycloakTestException(
                request.method() + " " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
    }

    private static JsonNode parse(HttpResponse<String> response, HttpRequest request) {
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new KeycloakTestException(request.uri() + " answered no JSON: " + response.body(), e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
