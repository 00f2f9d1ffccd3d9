package io.tidbcloud.portal.backend;

import jakarta.ws.rs.ProcessingException;
import java.util.function.Supplier;

/** The services behind the portal's pages, named as a person reads them in an error message. */
public enum Backend {
    AUTH_SERVICE("auth-service"),
    CLOUD_API("the cloud API");

    private final String displayName;

    Backend(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * Runs one call to this service. An error answer arrives as the {@link ServiceException} that the
     * client's {@code @ClientExceptionMapper} made of it; a call that got no answer at all (refused,
     * reset, timed out) becomes a {@link ServiceUnavailableException} naming this service.
     */
    public <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (ServiceException answered) {
            throw answered;
        } catch (ProcessingException noAnswer) {
            throw new ServiceUnavailableException(this, noAnswer);
        }
    }

    /** As {@link #call(Supplier)}, for a call whose answer has no body. */
    public void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }
}
