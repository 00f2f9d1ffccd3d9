package io.tidbcloud.api.hostile;

import io.tidbcloud.testsupport.hostile.ApiOperation;
import io.tidbcloud.testsupport.hostile.ApiOperations;
import io.tidbcloud.testsupport.hostile.RawRequest;
import java.net.URL;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The cloud API's Bearer operations as its OpenAPI document declares them, and a harmless request
 * to each: ids that name nothing (a random 19-digit id), an empty JSON object as body. A new
 * endpoint joins every generated case by being in the document.
 */
final class CloudApiOperations {

    /** ARCHITECTURE.md's table: the generated list must hold at least these. */
    static final String[] KNOWN = {
        "GET /v1beta1/projects",
        "GET /v1beta1/projects/{projectId}",
        "POST /v1beta1/projects",
        "GET /v1beta1/clusters",
        "GET /v1beta1/clusters/{clusterId}",
        "POST /v1beta1/clusters",
        "PATCH /v1beta1/clusters/{clusterId}",
        "DELETE /v1beta1/clusters/{clusterId}",
        "GET /v1beta1/regions",
    };

    private CloudApiOperations() {}

    static List<ApiOperation> bearer(URL base) {
        return ApiOperations.bearer(ApiOperations.of(base.toString()), KNOWN);
    }

    /** A request to {@code operation} whose ids name nothing, with {@code {}} as body when it takes one. */
    static RawRequest harmless(ApiOperation operation) {
        RawRequest request = RawRequest.of(operation.method(), operation.pathWith(randomId()));
        return operation.takesBody() ? request.body("application/json", "{}") : request;
    }

    /** A well-formed id (19 digits) that no object has. */
    static String randomId() {
        return Long.toString(
                1_000_000_000_000_000_000L + ThreadLocalRandom.current().nextLong(8_000_000_000_000_000_000L));
    }
}
