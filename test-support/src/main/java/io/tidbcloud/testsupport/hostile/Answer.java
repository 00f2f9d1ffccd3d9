package io.tidbcloud.testsupport.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidbcloud.contract.error.GrpcStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A service's answer to a {@link RawRequest}, and the checks every hostile case makes of it. Each
 * check answers what is wrong (empty when the answer is right), so that a test can run a whole
 * generated corpus and report every wrong answer at once instead of stopping at the first.
 *
 * @param status the HTTP status, 0 when the connection was dropped without one
 */
public record Answer(int status, Map<String, List<String>> headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .flatMap(header -> header.getValue().stream())
                .findFirst();
    }

    /** The JSON body, or null when the body is not JSON. */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * The API's error body ({@code {"code", "message", "details"}}) with a non-empty message and the
     * gRPC code that belongs to the status; no stack trace or class name.
     */
    public Optional<String> errorBodyProblem(int expectedCode) {
        JsonNode json = json();
        if (json == null || !json.isObject()) {
            return Optional.of("no JSON error body: " + shown());
        }
        if (json.path("code").asInt(-1) != expectedCode) {
            return Optional.of("code " + json.path("code") + " instead of " + expectedCode + ": " + shown());
        }
        if (json.path("message").asText("").isBlank()) {
            return Optional.of("empty message: " + shown());
        }
        if (!json.path("details").isArray()) {
            return Optional.of("details is not an array: " + shown());
        }
        if (body.contains("Exception") || body.contains("\tat ") || body.contains("io.quarkus.")) {
            return Optional.of("a stack trace or class name in the answer: " + shown());
        }
        return Optional.empty();
    }

    /** 401, {@code WWW-Authenticate: Bearer ... error="invalid_token"}, body code 16. */
    public Optional<String> invalidTokenProblem() {
        if (status != 401) {
            return Optional.of("status " + status + " instead of 401 invalid_token: " + shown());
        }
        String challenge = header("WWW-Authenticate").orElse("");
        if (!challenge.startsWith("Bearer ") || !challenge.contains("error=\"invalid_token\"")) {
            return Optional.of("challenge '" + challenge + "' instead of Bearer error=\"invalid_token\": " + shown());
        }
        return errorBodyProblem(16);
    }

    /** 401 with RFC 6750 section 3.1's bare challenge (no error code): the request carried no token. */
    public Optional<String> bareChallengeProblem() {
        if (status != 401) {
            return Optional.of("status " + status + " instead of 401: " + shown());
        }
        String challenge = header("WWW-Authenticate").orElse("");
        if (!challenge.startsWith("Bearer") || challenge.contains("error=")) {
            return Optional.of("challenge '" + challenge + "' instead of a bare Bearer challenge: " + shown());
        }
        return errorBodyProblem(16);
    }

    /** 403, {@code error="insufficient_scope", scope="<scope>"}, body code 7. */
    public Optional<String> insufficientScopeProblem(String scope) {
        if (status != 403) {
            return Optional.of("status " + status + " instead of 403 insufficient_scope: " + shown());
        }
        String challenge = header("WWW-Authenticate").orElse("");
        if (!challenge.startsWith("Bearer ")
                || !challenge.contains("error=\"insufficient_scope\"")
                || !challenge.contains("scope=\"" + scope + "\"")) {
            return Optional.of(
                    "challenge '" + challenge + "' does not name insufficient_scope " + scope + ": " + shown());
        }
        return errorBodyProblem(7);
    }

    /** A 4xx with the API's error body whose code belongs to the status (GrpcStatus). */
    public Optional<String> clientErrorProblem() {
        if (status < 400 || status > 499) {
            return Optional.of("status " + status + " instead of a 4xx: " + shown());
        }
        Set<Integer> codes = new HashSet<>();
        codes.add(GrpcStatus.forHttpStatus(status).code());
        for (GrpcStatus grpc : GrpcStatus.values()) {
            if (grpc.httpStatus() == status) {
                codes.add(grpc.code());
            }
        }
        JsonNode json = json();
        int code = json == null ? -1 : json.path("code").asInt(-1);
        return errorBodyProblem(codes.contains(code) ? code : codes.iterator().next());
    }

    public String shown() {
        String text = body == null ? "" : body.replaceAll("\\s+", " ");
        return status + " " + (text.length() <= 300 ? text : text.substring(0, 300) + "...");
    }
}
