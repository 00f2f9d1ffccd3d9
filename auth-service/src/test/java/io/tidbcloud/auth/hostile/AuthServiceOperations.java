package io.tidbcloud.auth.hostile;

import io.tidbcloud.testsupport.hostile.ApiOperation;
import io.tidbcloud.testsupport.hostile.ApiOperations;
import io.tidbcloud.testsupport.hostile.RawRequest;
import java.net.URL;
import java.util.List;
import java.util.UUID;

/**
 * auth-service's Bearer operations as its OpenAPI document declares them (the portal's API and the
 * revocation feed), and a harmless request to each: ids that name nothing, an empty JSON object as
 * body. A new endpoint joins every generated case by being in the document.
 */
final class AuthServiceOperations {

    /** The ARCHITECTURE.md and README list: the generated list must hold at least these. */
    static final String[] KNOWN = {
        "GET /v1/me/authorizations",
        "DELETE /v1/me/authorizations/{clientId}",
        "GET /v1/me/sessions",
        "DELETE /v1/me/sessions/{id}",
        "GET /v1/apps",
        "POST /v1/apps",
        "GET /v1/apps/{clientId}",
        "POST /v1/apps/{clientId}/secret",
        "DELETE /v1/apps/{clientId}",
        "GET /v1/revocations/feed",
    };

    private AuthServiceOperations() {}

    static List<ApiOperation> bearer(URL base) {
        return ApiOperations.bearer(ApiOperations.of(base.toString()), KNOWN);
    }

    /** A request to {@code operation} whose ids name nothing, with {@code {}} as body when it takes one. */
    static RawRequest harmless(ApiOperation operation) {
        RawRequest request = RawRequest.of(operation.method(), operation.pathWith(unknownId()));
        return operation.takesBody() ? request.body("application/json", "{}") : request;
    }

    /** An id of the shape auth-service's objects have that nothing has. */
    static String unknownId() {
        return "app-none-" + UUID.randomUUID().toString().replace("-", "");
    }
}
