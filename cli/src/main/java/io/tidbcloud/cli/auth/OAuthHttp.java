package io.tidbcloud.cli.auth;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import io.tidbcloud.cli.http.HttpTransport;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends the protocol messages that the Nimbus SDK builds over the injected
 * {@link HttpTransport} (debug log, injected client), and hands the answer back to Nimbus to parse. Nimbus
 * knows the RFCs; the transport stays ours (timeouts, and tests that stub it).
 */
public final class OAuthHttp {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection");

    private final HttpTransport http;

    public OAuthHttp(HttpTransport http) {
        this.http = http;
    }

    public HTTPResponse send(HTTPRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.getURI())
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        for (Map.Entry<String, List<String>> header : request.getHeaderMap().entrySet()) {
            if (!RESTRICTED.contains(header.getKey().toLowerCase())) {
                for (String value : header.getValue()) {
                    builder.header(header.getKey(), value);
                }
            }
        }
        String body = request.getBody();
        builder.method(
                request.getMethod().name(),
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));

        HttpResponse<String> response = http.send(builder.build(), body);
        HTTPResponse converted = new HTTPResponse(response.statusCode());
        response.headers().firstValue("Content-Type").ifPresent(contentType -> {
            try {
                converted.setContentType(contentType);
            } catch (ParseException unparsableContentType) {
                // left unset: Nimbus then reports the body as not being JSON
            }
        });
        response.headers().firstValue("WWW-Authenticate").ifPresent(converted::setWWWAuthenticate);
        converted.setBody(response.body());
        return converted;
    }

    /** An RFC 6749 section 5.2 error; Nimbus parses a body without "error" (not OAuth at all) to a null code. */
    static OAuthProtocolException error(HTTPRequest request, HTTPResponse response, ErrorObject error) {
        if (error == null || error.getCode() == null) {
            return unexpected(request, response);
        }
        return new OAuthProtocolException(error.getCode(), error.getDescription(), response.getStatusCode());
    }

    /** A response that is not the OAuth JSON we asked for, e.g. an HTML 404 from a wrong realm URL. */
    static OAuthProtocolException unexpected(HTTPRequest request, HTTPResponse response) {
        return new OAuthProtocolException(
                "invalid_response",
                "unexpected HTTP " + response.getStatusCode() + " answer from " + request.getURI(),
                response.getStatusCode());
    }
}
