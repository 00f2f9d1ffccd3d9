package io.tidbcloud.api.error;

import io.tidbcloud.contract.error.GrpcStatus;
import io.tidbcloud.resourceserver.error.ServiceException;

/** A domain error of the cloud API, answered as is by the resource-server library's error mapper. */
public class ApiException extends ServiceException {

    public ApiException(GrpcStatus status, String message) {
        super(status, message);
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
