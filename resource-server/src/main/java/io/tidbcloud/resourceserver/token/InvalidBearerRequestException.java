package io.tidbcloud.resourceserver.token;

/**
 * A request whose credentials are malformed as a request (RFC 6750 section 3.1
 * {@code invalid_request}), answered 400 with that challenge. The message is safe to show.
 */
public class InvalidBearerRequestException extends RuntimeException {

    public InvalidBearerRequestException(String message) {
        super(message, null, false, false);
    }
}
