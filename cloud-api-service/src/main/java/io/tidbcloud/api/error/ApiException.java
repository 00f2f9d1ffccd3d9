package io.tidbcloud.api.error;

import io.tidbcloud.contract.error.GrpcStatus;

/** A domain error that the API reports to the caller as is: status and a message safe to show. */
public class ApiException extends RuntimeException {

    private final GrpcStatus status;

    public ApiException(GrpcStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public GrpcStatus status() {
        return status;
    }

    /** A bad request parameter or field; the message starts with its name. */
    public static ApiException invalidArgument(String parameter, String problem) {
        return new ApiException(GrpcStatus.INVALID_ARGUMENT, parameter + " " + problem);
    }

    public static ApiException notFound(String message) {
        return new ApiException(GrpcStatus.NOT_FOUND, message);
    }

    /** The resource exists already (a name taken in its scope). */
    public static ApiException alreadyExists(String message) {
        return new ApiException(GrpcStatus.ALREADY_EXISTS, message);
    }

    /** The request is well-formed but the resource is in a state that does not allow it. */
    public static ApiException failedPrecondition(String message) {
        return new ApiException(GrpcStatus.FAILED_PRECONDITION, message);
    }
}
