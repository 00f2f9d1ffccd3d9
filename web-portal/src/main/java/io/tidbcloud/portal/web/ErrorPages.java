package io.tidbcloud.portal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tidbcloud.portal.backend.ServiceException;
import io.tidbcloud.portal.backend.ServiceUnavailableException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure of a service behind a page, as a page with a message for the person: the service's
 * own message when it answered with an error, "... is unavailable, try again" when it did not
 * answer. Never a stack trace, never a token (the log line names the service and the status only).
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance message(String heading, String message);
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailableException e) {
        LOG.warnf(
                "%s did not answer: %s",
                e.backend().displayName(), e.getCause().getClass().getSimpleName());
        return page(
                Response.Status.SERVICE_UNAVAILABLE.getStatusCode(),
                "Service unavailable",
                e.backend().displayName() + " is unavailable, try again in a moment.");
    }

    @ServerExceptionMapper
    public Response answeredWithError(ServiceException e) {
        LOG.debugf("%s answered %d", e.backend().displayName(), e.status());
        return switch (e.status()) {
            case 401 -> page(401, "Please sign in again", "Your sign-in has expired. Sign out and sign in again.");
            case 403 -> page(403, "Not allowed", e.getMessage());
            case 404 -> page(404, "Not found", e.getMessage());
            case 409, 429 -> page(e.status(), "Could not do that", e.getMessage());
            default ->
                e.status() >= 500
                        ? page(502, "Something went wrong", e.backend().displayName() + " failed: " + e.getMessage())
                        : page(400, "Could not do that", e.getMessage());
        };
    }

    /**
     * A request the page itself refused (an id that is not the person's, a missing choice) or that
     * matched nothing: the status with its message, never an empty answer.
     */
    @ServerExceptionMapper
    public Response refused(ClientErrorException e) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        return page(status, known != null ? known.getReasonPhrase() : "Could not do that", e.getMessage());
    }

    private static Response page(int status, String heading, String message) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.message(heading, message).render())
                .build();
    }
}
