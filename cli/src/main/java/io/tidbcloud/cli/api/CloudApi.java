package io.tidbcloud.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.CliException;
import io.tidbcloud.cli.ExitCode;
import io.tidbcloud.cli.auth.TokenSource;
import io.tidbcloud.cli.config.Profile;
import io.tidbcloud.cli.http.HttpTransport;
import io.tidbcloud.cli.output.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls the cloud API with the profile's Bearer token. A 401 gets one retry
 * with a refreshed token; a second 401 means the token is rejected (exit 4),
 * and so does a 403 for a scope the sign-in did not grant. Other errors carry
 * the API's {@code message}.
 */
public final class CloudApi {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern NEEDED_SCOPE = Pattern.compile("scope=\"([^\"]+)\"");

    private final HttpTransport http;
    private final URI base;
    private final TokenSource tokens;

    public CloudApi(HttpTransport http, URI base, TokenSource tokens) {
        this.http = http;
        this.base = base;
        this.tokens = tokens;
    }

    /** The API of the profile this command works on (-P or the current one), with its tokens. */
    public static CloudApi of(CliContext context) {
        Profile profile = context.profile();
        return new CloudApi(context.transport(), profile.apiBase(), TokenSource.forProfile(context, profile));
    }

    /** GET {@code pathAndQuery} (starting with "/") and return the JSON body. */
    public JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        return call("GET", pathAndQuery, null);
    }

    public JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
        return call("POST", path, body);
    }

    public JsonNode patch(String path, JsonNode body) throws IOException, InterruptedException {
        return call("PATCH", path, body);
    }

    public JsonNode delete(String path) throws IOException, InterruptedException {
        return call("DELETE", path, null);
    }

    private JsonNode call(String method, String pathAndQuery, JsonNode body) throws IOException, InterruptedException {
        URI uri = URI.create(base + pathAndQuery);
        String payload = body == null ? null : Json.compact(body);
        String accessToken = tokens.accessToken();
        HttpResponse<String> response = send(method, uri, payload, accessToken);
        if (response.statusCode() == 401) {
            response = send(method, uri, payload, tokens.refreshedAccessToken(accessToken));
            if (response.statusCode() == 401) {
                throw CliException.tokenRejected("The API rejected your access token (" + errorMessage(response) + ")");
            }
        }
        if (response.statusCode() == 403) {
            String header = response.headers().firstValue("WWW-Authenticate").orElse("");
            Matcher scope = NEEDED_SCOPE.matcher(header);
            if (header.contains("insufficient_scope") && scope.find()) {
                throw new CliException(
                        ExitCode.NOT_SIGNED_IN,
                        "Your sign-in does not grant the scope " + scope.group(1)
                                + " that this needs: run `ticloud auth login` and allow it.");
            }
        }
        if (response.statusCode() / 100 != 2) {
            throw new ApiException(response.statusCode(), errorMessage(response));
        }
        if (response.body() == null || response.body().isBlank()) {
            return Json.object();
        }
        try {
            return Json.read(response.body());
        } catch (IOException e) {
            throw CliException.error("The API answered with something that is not JSON (" + method + " " + uri + ").");
        }
    }

    private HttpResponse<String> send(String method, URI uri, String payload, String accessToken)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json");
        if (payload != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(payload));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(request.build(), payload);
        } catch (java.net.ConnectException e) {
            throw CliException.error("Cannot reach the API at " + base + ". Is it running?");
        }
    }

    /** The {"code","message","details"} error body's message, or what the status line says. */
    private String errorMessage(HttpResponse<String> response) {
        try {
            JsonNode body = Json.read(response.body());
            String message = body == null ? "" : body.path("message").asText("");
            if (!message.isBlank()) {
                return message;
            }
        } catch (IOException notJson) {
            // fall through
        }
        return response.headers().firstValue("WWW-Authenticate").orElse("no details");
    }
}
