package io.tidbcloud.portal.sessions;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tidbcloud.contract.portal.PersonSession;
import io.tidbcloud.portal.backend.Backend;
import io.tidbcloud.portal.backend.ServiceException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The person's sessions (browsers and devices) and ending them: one ({@code end}), or every one
 * but this browser's ({@code end-others}). The current session is ended by signing out.
 */
@Path("/sessions")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class SessionsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sessions(List<PersonSession> sessions, Integer ended);
    }

    @RestClient
    SessionsClient authService;

    @GET
    public TemplateInstance list(@QueryParam("ended") Integer ended) {
        return Templates.sessions(sessions(), ended);
    }

    @POST
    @Path("/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response end(@FormParam("session_id") String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            throw new BadRequestException("Choose a session to end.");
        }
        Backend.AUTH_SERVICE.run(() -> authService.end(sessionId));
        return ended(1);
    }

    @POST
    @Path("/end-others")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response endOthers() {
        List<PersonSession> others =
                sessions().stream().filter(s -> !s.current()).toList();
        for (PersonSession other : others) {
            try {
                Backend.AUTH_SERVICE.run(() -> authService.end(other.id()));
            } catch (ServiceException e) {
                if (e.status() != Response.Status.NOT_FOUND.getStatusCode()) {
                    throw e;
                }
                // ended meanwhile (it expired, or another tab ended it): what was asked for holds
            }
        }
        return ended(others.size());
    }

    private List<PersonSession> sessions() {
        return Backend.AUTH_SERVICE.call(authService::list).sessions();
    }

    private static Response ended(int count) {
        return Response.seeOther(UriBuilder.fromPath("/sessions")
                        .queryParam("ended", count)
                        .build())
                .build();
    }
}
