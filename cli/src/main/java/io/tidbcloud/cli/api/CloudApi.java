package io.tidbcloud.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidbcloud.cli.CliException;
import io.tidbcloud.cli.auth.TokenSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls the cloud API with the profile's Bearer token. A 401 gets one retry
 * with a refreshed token; a second 401 means the token is rejected (exit 4).
 * Other errors carry the API's {@code message}.
 */
public final class CloudApi {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI base;
    private final TokenSource tokens;
    private final ObjectMapper json = new ObjectMapper();

    public CloudApi(HttpClient http, URI base, TokenSource tokens) {
        this.http = http;
        this.base = base;
        this.tokens = tokens;
    }

    /** GET {@code pathAndQuery} (starting with "/") and return the JSON body. */
    public JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        URI uri = URI.create(base + pathAndQuery);
        HttpResponse<String> response = send(uri, tokens.accessToken());
        if (response.statusCode() == 401) {
            response = send(uri, tokens.refreshedAccessToken());
            if (response.statusCode() == 401) {
                throw CliException.tokenRejected("The API rejected your access token ("
                        + errorMessage(response) + ")");
            }
        }
        if (response.statusCode() / 100 != 2) {
            throw CliException.error("The API answered HTTP " + response.statusCode() + ": " + errorMessage(response));
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw CliException.error("The API answered with something that is not JSON (GET " + uri + ").");
        }
    }

    private HttpResponse<String> send(URI uri, String accessToken) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw CliException.error("Cannot reach the API at " + base + ". Is it running?");
        }
    }

    /** The {"code","message","details"} error body's message, or what the status line says. */
    private String errorMessage(HttpResponse<String> response) {
        try {
            JsonNode body = json.readTree(response.body());
            String message = body.path("message").asText("");
            if (!message.isBlank()) {
                return message;
            }
        } catch (IOException notJson) {
            // fall through
        }
        return response.headers().firstValue("WWW-Authenticate").orElse("no details");
    }
}
