package io.tidbcloud.auth.sessions;

import io.quarkus.security.Authenticated;
import io.tidbcloud.auth.portal.PortalAccess;
import io.tidbcloud.contract.error.GrpcStatus;
import io.tidbcloud.contract.portal.SessionList;
import io.tidbcloud.resourceserver.error.ServiceException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The person's sessions, for the portal's "Sessions" page. */
@Path("/v1/me/sessions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sessions", description = "The signed-in person's Keycloak sessions (portal tokens only)")
@SecurityRequirement(name = "portal")
public class SessionResource {

    private final SessionService sessions;
    private final PortalAccess portal;

    SessionResource(SessionService sessions, PortalAccess portal) {
        this.sessions = sessions;
        this.portal = portal;
    }

    @GET
    @Operation(summary = "List the person's sessions, newest activity first")
    @APIResponse(responseCode = "200", description = "The sessions; current marks the portal's own")
    @APIResponse(responseCode = "403", description = "Not a portal token")
    public SessionList list() {
        return new SessionList(sessions.list(portal.person()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "End one of the person's sessions; its tokens fail at every API within a second")
    @APIResponse(responseCode = "204", description = "Ended")
    @APIResponse(responseCode = "404", description = "Not a session of the person")
    public void end(@PathParam("id") String id) {
        if (!sessions.end(portal.person(), id)) {
            throw new ServiceException(GrpcStatus.NOT_FOUND, "No such session");
        }
    }
}
