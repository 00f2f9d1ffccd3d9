package io.tidbcloud.api.testing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.specification.ResponseSpecification;

/**
 * The error answers that many endpoints share, for {@code .then().spec(...)}: the HTTP status,
 * the gRPC-style {@code code} of the body and, for authorization errors, the RFC 6750 challenge.
 */
public final class ErrorResponses {

    private ErrorResponses() {}

    /** 400 INVALID_ARGUMENT (3) whose message starts with the offending field or parameter. */
    public static ResponseSpecification badRequestNaming(String field) {
        return new ResponseSpecBuilder()
                .expectStatusCode(400)
                .expectBody("code", equalTo(3))
                .expectBody("message", startsWith(field + " "))
                .expectBody("details", empty())
                .build();
    }

    /** 403 PERMISSION_DENIED (7): the token lacks the scope, and both challenge and message name it. */
    public static ResponseSpecification forbiddenWithoutScope(String scope) {
        return new ResponseSpecBuilder()
                .expectStatusCode(403)
                .expectHeader("WWW-Authenticate", startsWith("Bearer "))
                .expectHeader("WWW-Authenticate", containsString("error=\"insufficient_scope\""))
                .expectHeader("WWW-Authenticate", containsString("scope=\"" + scope + "\""))
                .expectContentType("application/json")
                .expectBody("code", equalTo(7))
                .expectBody("message", containsString(scope))
                .expectBody("details", empty())
                .build();
    }

    /** 401 UNAUTHENTICATED (16) to a request without a token: a bare Bearer challenge, no error code. */
    public static ResponseSpecification unauthorizedWithBareBearerChallenge() {
        return new ResponseSpecBuilder()
                .expectStatusCode(401)
                .expectHeader("WWW-Authenticate", startsWith("Bearer"))
                .expectHeader("WWW-Authenticate", not(containsString("error=")))
                .expectBody("code", equalTo(16))
                .build();
    }

    /** 401 UNAUTHENTICATED (16) to a token the API refuses (tampered, expired, not for this audience). */
    public static ResponseSpecification unauthorizedAsInvalidToken() {
        return new ResponseSpecBuilder()
                .expectStatusCode(401)
                .expectHeader("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .expectBody("code", equalTo(16))
                .build();
    }
}
