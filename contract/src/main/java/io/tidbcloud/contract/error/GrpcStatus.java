package io.tidbcloud.contract.error;

/** The gRPC status codes the API answers with, each with its HTTP status (as TiDB Cloud's v1beta1 API does). */
public enum GrpcStatus {
    INVALID_ARGUMENT(3, 400),
    NOT_FOUND(5, 404),
    ALREADY_EXISTS(6, 409),
    PERMISSION_DENIED(7, 403),
    RESOURCE_EXHAUSTED(8, 429),
    FAILED_PRECONDITION(9, 400),
    UNIMPLEMENTED(12, 405),
    INTERNAL(13, 500),
    UNAVAILABLE(14, 503),
    UNAUTHENTICATED(16, 401);

    private final int code;
    private final int httpStatus;

    GrpcStatus(int code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The gRPC status for an HTTP error status that the framework raised (unknown path, wrong method...). */
    public static GrpcStatus forHttpStatus(int httpStatus) {
        for (GrpcStatus status : values()) {
            if (status.httpStatus == httpStatus) {
                return status;
            }
        }
        return httpStatus >= 500 ? INTERNAL : INVALID_ARGUMENT;
    }
}
