package io.tidbcloud.testsupport.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operations a running service declares in its OpenAPI document ({@code /q/openapi}), read at
 * test time: a new endpoint is covered by every generated case without a test naming it. The
 * reading refuses an empty document and one that lacks an endpoint the caller knows must be
 * there, so the generation can never silently cover nothing.
 */
public final class ApiOperations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private ApiOperations() {}

    /** The document of the service at {@code baseUrl} ({@code GET /q/openapi?format=json}). */
    public static List<ApiOperation> of(String baseUrl) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(strip(baseUrl) + "/q/openapi?format=json"))
                                    .header("Accept", "application/json")
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError(baseUrl + "/q/openapi answered " + answer.statusCode());
            }
            return parse(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted reading " + baseUrl + "/q/openapi", e);
        }
    }

    /** The operations of an OpenAPI 3 document (JSON). */
    public static List<ApiOperation> parse(String document) throws IOException {
        JsonNode root = JSON.readTree(document);
        List<ApiOperation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> items = path.getValue().fields(); items.hasNext(); ) {
                Map.Entry<String, JsonNode> item = items.next();
                if (!METHODS.contains(item.getKey())) {
                    continue;
                }
                operations.add(operation(
                        item.getKey().toUpperCase(Locale.ROOT), path.getKey(), item.getValue(), path.getValue(), root));
            }
        }
        return List.copyOf(operations);
    }

    /**
     * The Bearer operations among {@code operations}, failing when there are none or when one of
     * {@code known} ({@code "GET /v1/apps"}) is not among them.
     */
    public static List<ApiOperation> bearer(List<ApiOperation> operations, String... known) {
        List<ApiOperation> bearer =
                operations.stream().filter(ApiOperation::bearer).toList();
        if (bearer.isEmpty()) {
            throw new AssertionError("the OpenAPI document declares no Bearer operation: " + operations);
        }
        Set<String> present = new TreeSet<>();
        bearer.forEach(operation -> present.add(operation.toString()));
        for (String operation : known) {
            if (!present.contains(operation)) {
                throw new AssertionError("the OpenAPI document's Bearer operations " + present + " miss " + operation);
            }
        }
        return bearer;
    }

    private static ApiOperation operation(
            String method, String path, JsonNode operation, JsonNode pathItem, JsonNode root) {
        List<String> pathParameters = new ArrayList<>();
        List<String> queryParameters = new ArrayList<>();
        for (JsonNode parameters : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : parameters) {
                String name = parameter.path("name").asText();
                switch (parameter.path("in").asText()) {
                    case "path" -> {
                        if (!pathParameters.contains(name)) {
                            pathParameters.add(name);
                        }
                    }
                    case "query" -> {
                        if (!queryParameters.contains(name)) {
                            queryParameters.add(name);
                        }
                    }
                    default -> {}
                }
            }
        }
        // a template parameter the document forgot to list is still a path parameter
        java.util.regex.Matcher template =
                java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
        while (template.find()) {
            if (!pathParameters.contains(template.group(1))) {
                pathParameters.add(template.group(1));
            }
        }
        JsonNode security = operation.path("security");
        boolean bearer = security.isArray() && !security.isEmpty();
        Optional<String> scope =
                Optional.ofNullable(operation.path("x-required-scope").textValue());
        if (scope.isEmpty() && bearer) {
            for (JsonNode requirement : security) {
                for (JsonNode scopes : requirement) {
                    if (scopes.isArray() && !scopes.isEmpty()) {
                        scope = Optional.of(scopes.get(0).asText());
                    }
                }
            }
        }
        return new ApiOperation(
                method,
                path,
                bearer,
                scope,
                List.copyOf(pathParameters),
                List.copyOf(queryParameters),
                operation.has("requestBody"),
                bodyProperties(operation.path("requestBody"), root));
    }

    private static Map<String, String> bodyProperties(JsonNode requestBody, JsonNode root) {
        Map<String, String> properties = new LinkedHashMap<>();
        JsonNode schema =
                resolve(requestBody.path("content").path("application/json").path("schema"), root);
        for (Iterator<Map.Entry<String, JsonNode>> fields =
                        schema.path("properties").fields();
                fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode type = resolve(field.getValue(), root);
            properties.put(field.getKey(), type.path("type").asText("object"));
        }
        return properties;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode root) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/")) {
            JsonNode target = root;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            return target;
        }
        return schema;
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
