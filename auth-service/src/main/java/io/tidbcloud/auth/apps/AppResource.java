package io.tidbcloud.auth.apps;

import io.quarkus.security.Authenticated;
import io.tidbcloud.auth.portal.PortalAccess;
import io.tidbcloud.contract.error.GrpcStatus;
import io.tidbcloud.contract.portal.ApplicationList;
import io.tidbcloud.contract.portal.ApplicationRegistration;
import io.tidbcloud.contract.portal.ClientSecret;
import io.tidbcloud.contract.portal.OAuthApplication;
import io.tidbcloud.resourceserver.error.ServiceException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The person's registered OAuth applications, for the portal's "Developer apps" page. */
@Path("/v1/apps")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "apps", description = "OAuth applications the signed-in person registered (portal tokens only)")
@SecurityRequirement(name = "portal")
public class AppResource {

    private final AppService apps;
    private final PortalAccess portal;

    AppResource(AppService apps, PortalAccess portal) {
        this.apps = apps;
        this.portal = portal;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an application (a Keycloak client); a web app's secret is shown only here")
    @APIResponse(responseCode = "201", description = "Registered; Location names it")
    @APIResponse(responseCode = "400", description = "A rule broken; the message names the field")
    @APIResponse(responseCode = "409", description = "The person owns the most applications allowed")
    public Response create(ApplicationRegistration request) {
        OAuthApplication app = apps.create(portal.person(), request);
        return Response.created(UriBuilder.fromPath("/v1/apps/{clientId}").build(app.clientId()))
                .entity(app)
                .build();
    }

    @GET
    @Operation(summary = "List the person's applications, newest first (never secrets)")
    public ApplicationList list() {
        return new ApplicationList(apps.list(portal.person()));
    }

    @GET
    @Path("/{clientId}")
    @Operation(summary = "One of the person's applications")
    @APIResponse(responseCode = "404", description = "Not an application of the person")
    public OAuthApplication get(@PathParam("clientId") String clientId) {
        return apps.get(portal.person(), clientId).orElseThrow(AppResource::noSuchApp);
    }

    @POST
    @Path("/{clientId}/secret")
    @Operation(summary = "Rotate a web application's client secret; the old one stops working")
    @APIResponse(responseCode = "400", description = "A device application has no secret")
    @APIResponse(responseCode = "404", description = "Not an application of the person")
    public ClientSecret rotateSecret(@PathParam("clientId") String clientId) {
        return apps.rotateSecret(portal.person(), clientId).orElseThrow(AppResource::noSuchApp);
    }

    @DELETE
    @Path("/{clientId}")
    @Operation(summary = "Delete an application; its tokens fail at every API within a second")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Not an application of the person")
    public void delete(@PathParam("clientId") String clientId) {
        if (!apps.delete(portal.person(), clientId)) {
            throw noSuchApp();
        }
    }

    private static ServiceException noSuchApp() {
        return new ServiceException(GrpcStatus.NOT_FOUND, "No such application");
    }
}
