package io.tidbcloud.testsupport.hostile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One operation of a service's OpenAPI document, as the hostile-input tests need it.
 *
 * @param method the HTTP method, upper case
 * @param path the path template, e.g. {@code /v1beta1/clusters/{clusterId}}
 * @param bearer whether the operation declares a security requirement (needs a Bearer token)
 * @param scope the OAuth scope it declares ({@code x-required-scope}, else its bearer requirement's first scope), if any
 * @param pathParameters the names of its path parameters, in template order
 * @param queryParameters the names of its query parameters
 * @param takesBody whether it declares a request body
 * @param bodyProperties the top-level properties of its JSON body schema and their JSON types
 *     ({@code string}, {@code object}, {@code array}, {@code integer}...), in document order
 */
public record ApiOperation(
        String method,
        String path,
        boolean bearer,
        Optional<String> scope,
        List<String> pathParameters,
        List<String> queryParameters,
        boolean takesBody,
        Map<String, String> bodyProperties) {

    /** The path with every parameter replaced by {@code value} (URL-encoded by the caller if needed). */
    public String pathWith(String value) {
        String concrete = path;
        for (String parameter : pathParameters) {
            concrete = concrete.replace("{" + parameter + "}", value);
        }
        return concrete;
    }

    /** The path with each named parameter replaced by its value; others left as they are. */
    public String pathWith(Map<String, String> values) {
        String concrete = path;
        for (Map.Entry<String, String> value : values.entrySet()) {
            concrete = concrete.replace("{" + value.getKey() + "}", value.getValue());
        }
        return concrete;
    }

    public boolean takesPathParameters() {
        return !pathParameters.isEmpty();
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
