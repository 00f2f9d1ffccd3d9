package io.tidbcloud.resourceserver.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.tidbcloud.contract.Realm;
import io.tidbcloud.contract.error.ApiError;
import io.tidbcloud.contract.error.GrpcStatus;
import io.tidbcloud.resourceserver.error.TokenRejections.Reason;
import io.tidbcloud.resourceserver.revocation.RevokedTokenException;
import io.tidbcloud.resourceserver.scope.RequiredScope;
import io.tidbcloud.resourceserver.token.InvalidBearerRequestException;
import io.tidbcloud.resourceserver.token.IssuedAtCheck;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become answers, for every service that depends on this library:
 * the error body of ARCHITECTURE.md ({@code {"code", "message", "details"}}) with its HTTP status,
 * and for authentication and authorization failures the RFC 6750 section 3
 * {@code WWW-Authenticate} challenge. Messages are written here or come from a
 * {@link ServiceException}; no class name or stack trace reaches a client.
 */
public class ErrorMapper {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

    @Inject
    TokenRejections rejections;

    @ServerExceptionMapper
    public Response serviceError(ServiceException e) {
        return answer(e.status(), e.getMessage()).build();
    }

    /**
     * RFC 6750 section 3.1: no credentials, so a bare challenge without an error code; also for
     * another scheme (Basic...), which this API does not take. A Bearer credential without a token
     * ({@code Authorization: Bearer}) is a token attempted and unusable: {@code invalid_token}.
     */
    @ServerExceptionMapper
    public Response missingToken(UnauthorizedException e, HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && isBearerScheme(authorization.strip())) {
            rejections.count(Reason.MALFORMED);
            return invalidTokenAnswer("The access token is empty");
        }
        rejections.count(Reason.MISSING);
        return answer(GrpcStatus.UNAUTHENTICATED, "A bearer access token is required")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + Realm.NAME + "\"")
                .build();
    }

    /** RFC 6750 section 3.1 {@code invalid_token}: malformed, badly signed, expired, or not for this API. */
    @ServerExceptionMapper
    public Response invalidToken(AuthenticationFailedException e, HttpHeaders request) {
        Reason reason = TokenRejections.reasonOf(e, request.getHeaderString(HttpHeaders.AUTHORIZATION));
        rejections.count(reason);
        LOG.debugf("rejected bearer token: %s", reason.tag());
        return invalidTokenAnswer(describe(reason, e));
    }

    /** RFC 6750 section 3.1 {@code invalid_token}: the token verifies, but Keycloak has revoked it. */
    @ServerExceptionMapper
    public Response revokedToken(RevokedTokenException e) {
        rejections.count(Reason.REVOKED);
        return invalidTokenAnswer(e.getMessage());
    }

    /** RFC 6750 section 3.1 {@code invalid_request}: the credentials are malformed as a request (400). */
    @ServerExceptionMapper
    public Response invalidRequest(InvalidBearerRequestException e) {
        rejections.count(Reason.MALFORMED);
        return answer(GrpcStatus.INVALID_ARGUMENT, e.getMessage())
                .header(
                        HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer realm=\"" + Realm.NAME + "\", error=\"invalid_request\", error_description=\""
                                + e.getMessage() + "\"")
                .build();
    }

    private static Response invalidTokenAnswer(String description) {
        return answer(GrpcStatus.UNAUTHENTICATED, "Invalid access token: " + description)
                .header(
                        HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer realm=\"" + Realm.NAME + "\", error=\"invalid_token\", error_description=\""
                                + description + "\"")
                .build();
    }

    /** RFC 7235 section 2.1: the auth-scheme is case-insensitive ({@code bearer} is {@code Bearer}). */
    private static boolean isBearerScheme(String authorization) {
        int end = authorization.indexOf(' ');
        String scheme = end < 0 ? authorization : authorization.substring(0, end);
        return scheme.equalsIgnoreCase("Bearer");
    }

    /** Keycloak cannot be reached to fetch its keys (the first request after a start without it). */
    @ServerExceptionMapper
    public Response authorizationServerUnavailable(OIDCException e) {
        LOG.warnf("authorization server unavailable: %s", e.getMessage());
        return answer(GrpcStatus.UNAVAILABLE, "The authorization server cannot be reached; try again later")
                .header(HttpHeaders.RETRY_AFTER, "5")
                .build();
    }

    /**
     * A {@code @PermissionsAllowed} check failed: for an endpoint that names its scope there, RFC 6750
     * section 3.1 {@code insufficient_scope} naming it (the token's scopes are its permissions).
     */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ResourceInfo resource) {
        rejections.count(Reason.INSUFFICIENT_SCOPE);
        return RequiredScope.of(resource.getResourceMethod(), resource.getResourceClass())
                .map(scope -> answer(GrpcStatus.PERMISSION_DENIED, "The access token lacks the scope " + scope)
                        .header(
                                HttpHeaders.WWW_AUTHENTICATE,
                                "Bearer realm=\"" + Realm.NAME + "\", error=\"insufficient_scope\", scope=\"" + scope
                                        + "\""))
                .orElseGet(() -> answer(GrpcStatus.PERMISSION_DENIED, "Permission denied"))
                .build();
    }

    /** The framework's own errors: unknown path, wrong method, unsupported media type... */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadableBody(json);
            }
        }
        if (status >= 500) {
            return unexpected(e);
        }
        return answer(GrpcStatus.forHttpStatus(status), status, describe(status))
                .build();
    }

    /** JSON of the wrong shape; declared apart so that it wins over Quarkus' own mapper for it. */
    @ServerExceptionMapper
    public Response mismatchedBody(MismatchedInputException e) {
        return unreadableBody(e);
    }

    /** A body that is not JSON, or JSON of the wrong shape: 400 naming the field when there is one. */
    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return answer(
                            GrpcStatus.INVALID_ARGUMENT,
                            fieldPath(mapping.getPath()) + " has the wrong type for this operation")
                    .build();
        }
        if (e instanceof JsonMappingException) {
            return answer(GrpcStatus.INVALID_ARGUMENT, "body must be a JSON object for this operation")
                    .build();
        }
        return answer(GrpcStatus.INVALID_ARGUMENT, "body is not valid JSON").build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (DatabaseUnavailable.isCauseOf(e)) {
            return databaseUnavailable(e);
        }
        if (UnstorableValue.isCauseOf(e)) {
            LOG.debugf(e, "a request value the database refuses");
            return answer(
                            GrpcStatus.INVALID_ARGUMENT,
                            "The request holds a value that cannot be stored or looked up (such as a NUL character)")
                    .build();
        }
        LOG.error("unexpected failure", e);
        return answer(GrpcStatus.INTERNAL, "Internal error").build();
    }

    /** The database cannot serve now; readiness says the same (the datasource health check). */
    private static Response databaseUnavailable(Throwable e) {
        LOG.warnf("database unavailable: %s", rootMessage(e));
        return answer(GrpcStatus.UNAVAILABLE, "The service cannot reach its database; try again later")
                .header(HttpHeaders.RETRY_AFTER, "5")
                .build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static Response.ResponseBuilder answer(GrpcStatus status, String message) {
        return answer(status, status.httpStatus(), message);
    }

    private static Response.ResponseBuilder answer(GrpcStatus status, int httpStatus, String message) {
        return Response.status(httpStatus).type(MediaType.APPLICATION_JSON_TYPE).entity(ApiError.of(status, message));
    }

    private static String describe(int status) {
        return switch (status) {
            case 404 -> "No such resource";
            case 405 -> "Method not allowed on this resource";
            case 406 -> "This resource answers only application/json";
            case 415 -> "Unsupported content type; send application/json";
            default -> "Bad request";
        };
    }

    /** Says why a token failed without echoing library internals; quoted-string safe. */
    private static String describe(Reason reason, AuthenticationFailedException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IssuedAtCheck.IssuedInTheFutureException) {
                return "The access token claims to be issued in the future";
            }
        }
        return switch (reason) {
            case EXPIRED -> "The access token expired";
            case WRONG_AUDIENCE -> "The access token is not issued for this API (audience)";
            case WRONG_ISSUER -> "The access token is not issued by this API's authorization server";
            default -> "The access token is malformed, badly signed, expired or not issued for this API";
        };
    }

    private static String fieldPath(java.util.List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }
}
