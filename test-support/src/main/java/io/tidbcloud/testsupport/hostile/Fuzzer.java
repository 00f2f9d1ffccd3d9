package io.tidbcloud.testsupport.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A seeded generator of hostile requests to the operations of an OpenAPI document: bodies with
 * wrong JSON types, huge strings, unicode, NUL bytes, deep nesting, unknown fields and invalid JSON;
 * wrong content types; wrong methods; bad paging, filter and id query values. Each case is a
 * request a client could send; the service must answer each with a 4xx and its error body (or a
 * 2xx when the input happens to be valid), never a 5xx. The same seed gives the same corpus.
 */
public final class Fuzzer {

    /** One generated request and what kind of hostility it carries (for the report). */
    public record Case(String kind, RawRequest request) {}

    private static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/octet-stream",
            "application/json; charset=utf-16",
            "application/json; charset=nonsense",
            "application/jsonx",
            "*/*",
            "json",
            ";;;");
    private static final List<String> METHODS =
            List.of("PUT", "PATCH", "POST", "DELETE", "GET", "OPTIONS", "TRACE", "FOO");
    private static final List<String> QUERY_VALUES = List.of(
            "",
            " ",
            "0",
            "-1",
            "1.5",
            "1e3",
            "0x10",
            "NaN",
            "null",
            "true",
            "2147483648",
            "99999999999999999999999",
            "1 ",
            " 1",
            "１",
            "1\u0000",
            "\u0000",
            "%",
            "projectId=",
            "projectId=\"\"",
            "projectId=1 OR 1=1",
            "projectId='; DROP TABLE project; --",
            "name=\"x\"",
            "ünïcödé",
            "\ud83d\ude00",
            "<script>alert(1)</script>",
            "../../etc/passwd",
            "a".repeat(5000));

    private final Random random;
    private final List<ApiOperation> operations;
    private final Function<ApiOperation, String> concretePath;

    /**
     * @param concretePath the path of an operation with its parameters filled in (ids of the
     *     caller's own objects, so that bodies reach the endpoint's own checks)
     */
    public Fuzzer(long seed, List<ApiOperation> operations, Function<ApiOperation, String> concretePath) {
        this.random = new Random(seed);
        this.operations = List.copyOf(operations);
        this.concretePath = concretePath;
    }

    /** {@code count} cases, each with {@code token} as Bearer token. */
    public List<Case> cases(int count, String token) {
        List<Case> cases = new ArrayList<>(count);
        while (cases.size() < count) {
            ApiOperation operation = operations.get(random.nextInt(operations.size()));
            Case generated = switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> operation.takesBody() ? bodyCase(operation) : queryCase(operation);
                case 4 -> operation.takesBody() ? invalidJsonCase(operation) : pathCase(operation);
                case 5 -> operation.takesBody() ? contentTypeCase(operation) : queryCase(operation);
                case 6 -> methodCase(operation);
                case 7, 8 -> operation.queryParameters().isEmpty() ? pathCase(operation) : queryCase(operation);
                default -> operation.takesPathParameters() ? pathCase(operation) : bodyCase(operation);
            };
            if (generated != null) {
                cases.add(new Case(generated.kind(), generated.request().bearer(token)));
            }
        }
        return cases;
    }

    private Case bodyCase(ApiOperation operation) {
        if (!operation.takesBody()) {
            return null;
        }
        Map<String, String> template = new TreeMap<>(operation.bodyProperties());
        StringBuilder body = new StringBuilder("{");
        String kind = "body: ";
        List<String> names = new ArrayList<>(template.keySet());
        String target = names.isEmpty() ? "unknown" : names.get(random.nextInt(names.size()));
        int mode = random.nextInt(4);
        for (String name : names) {
            if (body.length() > 1) {
                body.append(',');
            }
            String value = name.equals(target) && mode != 3 ? hostileValue() : plausible(template.get(name));
            body.append(quote(name)).append(':').append(value);
        }
        if (mode == 3 || names.isEmpty()) {
            if (body.length() > 1) {
                body.append(',');
            }
            body.append(quote(hostileString())).append(':').append(hostileValue());
            kind += "unknown field";
        } else {
            kind += "hostile " + target;
        }
        body.append('}');
        return new Case(kind, request(operation).body("application/json", body.toString()));
    }

    private Case invalidJsonCase(ApiOperation operation) {
        List<String> invalid = List.of(
                "",
                "{",
                "}",
                "{\"name\": }",
                "{\"name\": \"x\",}",
                "{'name': 'x'}",
                "{name: \"x\"}",
                "{\"name\": \"x\"} trailing",
                "{\"name\": NaN}",
                "{\"name\": \"x\" /* comment */}",
                "\uFEFF{\"name\": \"x\"}",
                "[1,2,3]",
                "\"a string\"",
                "42",
                "null",
                "true",
                "{\"name\": \"\\ud800\"}",
                "{\"name\": \"\\u0000\"}",
                "{\"name\": \"unterminated}",
                "{\"a\":".repeat(5000) + "1" + "}".repeat(5000),
                "[".repeat(100_000),
                "{\"name\": 1e999999}",
                "{\"name\": -0.0000000000000000000000000000001e-99999}",
                "{\"name\": \"x\", \"name\": \"y\"}");
        String text = invalid.get(random.nextInt(invalid.size()));
        if (random.nextInt(8) == 0) {
            byte[] bytes = new byte[1 + random.nextInt(2000)];
            random.nextBytes(bytes);
            return new Case("body: random bytes", request(operation).body("application/json", bytes));
        }
        return new Case("body: invalid JSON", request(operation).body("application/json", text));
    }

    private Case contentTypeCase(ApiOperation operation) {
        String type = CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
        String body = random.nextBoolean() ? "{}" : "name=x&displayName=y";
        return new Case("content type " + type, request(operation).body(type, body));
    }

    private Case methodCase(ApiOperation operation) {
        String method = METHODS.get(random.nextInt(METHODS.size()));
        boolean declared = operations.stream()
                .anyMatch(other ->
                        other.path().equals(operation.path()) && other.method().equals(method));
        if (declared) {
            return null;
        }
        RawRequest request = RawRequest.of(method, concretePath.apply(operation));
        if (random.nextBoolean() && !method.equals("GET") && !method.equals("OPTIONS") && !method.equals("TRACE")) {
            request = request.body("application/json", "{}");
        }
        return new Case("method " + method + " on " + operation.path(), request);
    }

    private Case queryCase(ApiOperation operation) {
        List<String> names = new ArrayList<>(operation.queryParameters());
        names.add("unknown");
        StringBuilder query = new StringBuilder();
        int parameters = 1 + random.nextInt(3);
        for (int i = 0; i < parameters; i++) {
            String name = names.get(random.nextInt(names.size()));
            String value = QUERY_VALUES.get(random.nextInt(QUERY_VALUES.size()));
            query.append(i == 0 ? '?' : '&')
                    .append(name)
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        if (random.nextInt(6) == 0) {
            query.append(query.length() == 0 ? '?' : '&').append("page=1&page=2&page_size=1&page_size=2");
        }
        RawRequest request = RawRequest.of(operation.method(), concretePath.apply(operation) + query);
        if (operation.takesBody()) {
            request = request.body("application/json", "{}");
        }
        return new Case("query values", request);
    }

    private Case pathCase(ApiOperation operation) {
        if (!operation.takesPathParameters()) {
            return queryCase(operation);
        }
        List<String> segments = List.of(
                "%00",
                "%2F",
                "..",
                "%2e%2e",
                "%20",
                "%C3%A9",
                "%F0%9F%98%80",
                "%E2%80%AE",
                "0",
                "-1",
                "9".repeat(19),
                "9".repeat(40),
                "x".repeat(3000),
                ";",
                "%3B",
                "a%0Ab",
                "*",
                "~");
        String segment = segments.get(random.nextInt(segments.size()));
        RawRequest request = RawRequest.of(operation.method(), operation.pathWith(segment));
        if (operation.takesBody()) {
            request = request.body("application/json", "{}");
        }
        return new Case("path segment", request);
    }

    private RawRequest request(ApiOperation operation) {
        return RawRequest.of(operation.method(), concretePath.apply(operation));
    }

    /** A JSON value of a wrong type or a hostile string. */
    private String hostileValue() {
        return switch (random.nextInt(14)) {
            case 0 -> "null";
            case 1 -> Integer.toString(random.nextInt());
            case 2 -> "1e308";
            case 3 -> "true";
            case 4 -> "[]";
            case 5 -> "[\"a\", 1, null]";
            case 6 -> "{}";
            case 7 -> "{\"name\": " + hostileValue() + "}";
            case 8 -> "[".repeat(2000) + "]".repeat(2000);
            case 9 -> "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);
            case 10 -> "12345678901234567890123456789012345678901234567890";
            default -> quote(hostileString());
        };
    }

    private String hostileString() {
        return switch (random.nextInt(12)) {
            case 0 -> "";
            case 1 -> " ";
            case 2 -> "a".repeat(100_000 + random.nextInt(100_000));
            case 3 -> "\u0000";
            case 4 -> "nul\u0000inside";
            case 5 -> "\ud83d\ude00\ud83d\ude00 emoji";
            case 6 -> "\u202Eright-to-left";
            case 7 -> "e\u0301\u0301\u0301 combining";
            case 8 -> "tidb.cloud/project";
            case 9 -> "regions/aws-us-east-1\n";
            case 10 -> "<script>alert(1)</script>";
            default -> "'; DROP TABLE project; --";
        };
    }

    /** A value of the right JSON type, valid where a generic value can be. */
    private String plausible(String type) {
        return switch (type) {
            case "string" -> quote("fuzz" + Integer.toString(Math.abs(random.nextInt()), 36));
            case "integer", "number" -> "1";
            case "boolean" -> "false";
            case "array" -> "[]";
            default -> "{}";
        };
    }

    /** A JSON string literal; control characters, lone surrogates and all, escaped as JSON requires. */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
