package io.tidbcloud.resourceserver.error;

import io.tidbcloud.contract.error.GrpcStatus;

/**
 * A failure a service reports to the caller as is: its status and a message safe to show.
 * {@link ErrorMapper} answers it with the error body; services extend it for their domain errors.
 */
public class ServiceException extends RuntimeException {

    private final GrpcStatus status;

    public ServiceException(GrpcStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public GrpcStatus status() {
        return status;
    }
}
