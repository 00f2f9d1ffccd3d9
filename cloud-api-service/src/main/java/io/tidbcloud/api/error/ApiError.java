package io.tidbcloud.api.error;

import java.util.List;

/** The body of every error answer: {@code {"code": <grpc code>, "message": "...", "details": []}}. */
public record ApiError(int code, String message, List<Object> details) {

    public static ApiError of(GrpcStatus status, String message) {
        return new ApiError(status.code(), message, List.of());
    }
}
