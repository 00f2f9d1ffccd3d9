package io.tidbcloud.portal.backend;

/** A service did not answer at all: not listening, connection reset, or too slow. */
public final class ServiceUnavailableException extends RuntimeException {

    private final Backend backend;

    public ServiceUnavailableException(Backend backend, Throwable cause) {
        super(backend.displayName() + " is unavailable", cause);
        this.backend = backend;
    }

    public Backend backend() {
        return backend;
    }
}
