package io.tidbcloud.portal.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A form post without the right CSRF token is answered 403 Forbidden with a page saying what to do.
 *
 * <p>quarkus-rest-csrf (3.33) refuses such a post itself, before any resource runs, but always with
 * an empty 400 and no setting to change it. Its request filter marks a post whose token it checked
 * and found right ({@value #VERIFIED}, a routing-context key of that filter); an unsafe request that
 * ends in an empty 400 without that mark is one the filter refused, and that answer becomes a 403.
 */
public class CsrfFailureStatus {

    /** Set by quarkus-rest-csrf's request filter once the form's token matched the cookie. */
    static final String VERIFIED = "csrf_token_verified";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @ServerResponseFilter
    public void forbidRefusedForms(
            ContainerRequestContext request, ContainerResponseContext response, RoutingContext routing) {
        if (SAFE_METHODS.contains(request.getMethod())
                || response.getStatus() != Response.Status.BAD_REQUEST.getStatusCode()
                || response.hasEntity()
                || routing.get(VERIFIED) != null) {
            return;
        }
        response.setStatus(Response.Status.FORBIDDEN.getStatusCode());
        response.getHeaders().putSingle("Content-Type", MediaType.TEXT_HTML + ";charset=UTF-8");
        response.setEntity(ErrorPages.Templates.message(
                        "This form has expired",
                        "The form was not sent from this page of the portal, or it was open too long. "
                                + "Go back, reload the page and try again.")
                .render());
    }
}
