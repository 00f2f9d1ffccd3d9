package io.tidbcloud.contract.error;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The body of every error answer: {@code {"code": <grpc code>, "message": "...", "details": []}}. */
@JsonPropertyOrder({"code", "message", "details"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiError(int code, String message, List<Object> details) {

    public static ApiError of(GrpcStatus status, String message) {
        return new ApiError(status.code(), message, List.of());
    }
}
