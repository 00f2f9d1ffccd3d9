package io.tidbcloud.auth.authorizations;

import io.quarkus.security.Authenticated;
import io.tidbcloud.auth.portal.PortalAccess;
import io.tidbcloud.contract.error.GrpcStatus;
import io.tidbcloud.contract.portal.AuthorizationList;
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

/** The applications the person authorized, for the portal's "Applications" page. */
@Path("/v1/me/authorizations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "authorizations", description = "Applications the signed-in person authorized (portal tokens only)")
@SecurityRequirement(name = "portal")
public class AuthorizationResource {

    private final AuthorizationService authorizations;
    private final PortalAccess portal;

    AuthorizationResource(AuthorizationService authorizations, PortalAccess portal) {
        this.authorizations = authorizations;
        this.portal = portal;
    }

    @GET
    @Operation(summary = "List the applications the person authorized, by name")
    @APIResponse(responseCode = "200", description = "Each application with its granted API scopes and sessions")
    @APIResponse(responseCode = "403", description = "Not a portal token")
    public AuthorizationList list() {
        return new AuthorizationList(authorizations.list(portal.person()));
    }

    @DELETE
    @Path("/{clientId}")
    @Operation(summary = "Revoke an application's access; its tokens fail at every API within a second")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "The person has not authorized that application")
    public void revoke(@PathParam("clientId") String clientId) {
        if (!authorizations.revoke(portal.person(), clientId)) {
            throw new ServiceException(GrpcStatus.NOT_FOUND, "No such authorization");
        }
    }
}
