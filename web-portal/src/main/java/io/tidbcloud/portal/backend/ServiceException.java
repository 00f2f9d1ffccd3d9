package io.tidbcloud.portal.backend;

import io.tidbcloud.contract.error.ApiError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A service answered with an error status. The message is the one of its error body
 * ({@code {"code","message","details"}}), meant for the person; a body of any other shape yields a
 * generic message, so that nothing of a stack trace or an HTML error page reaches the page.
 */
public final class ServiceException extends RuntimeException {

    private final Backend backend;
    private final int status;

    public ServiceException(Backend backend, int status, String message) {
        super(message, null, false, false);
        this.backend = backend;
        this.status = status;
    }

    /** What {@code response} says went wrong; the clients' {@code @ClientExceptionMapper}s call this. */
    public static ServiceException from(Backend backend, Response response) {
        String message = null;
        if (response.hasEntity() && MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())) {
            try {
                ApiError error = response.readEntity(ApiError.class);
                message = error == null ? null : error.message();
            } catch (RuntimeException notTheErrorShape) {
                // fall back to the generic message below
            }
        }
        if (message == null || message.isBlank()) {
            message = backend.displayName() + " answered " + response.getStatus() + ".";
        }
        return new ServiceException(backend, response.getStatus(), message);
    }

    public Backend backend() {
        return backend;
    }

    /** The HTTP status the service answered. */
    public int status() {
        return status;
    }

    /**
     * The service refused what the person entered (a 4xx other than an expired sign-in): the form is
     * shown again with this message. Anything else goes to {@code ErrorPages}.
     */
    public boolean refusesTheForm() {
        return status >= 400 && status < 500 && status != 401;
    }
}
