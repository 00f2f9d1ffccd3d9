package io.tidbcloud.portal.applications;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tidbcloud.contract.portal.Authorization;
import io.tidbcloud.portal.backend.Backend;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
 * The applications the person authorized, and revoking one. Revoking asks first, without
 * JavaScript: the {@code revoke} button shows a confirmation page whose {@code confirm} button
 * revokes.
 */
@Path("/applications")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ApplicationsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance applications(List<Authorization> authorizations, String revoked);

        static native TemplateInstance confirmRevoke(Authorization authorization);
    }

    @RestClient
    AuthorizationsClient authService;

    @GET
    public TemplateInstance list(@QueryParam("revoked") String revoked) {
        return Templates.applications(authorizations(), revoked);
    }

    @POST
    @Path("/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object revoke(@FormParam("client_id") String clientId, @FormParam("confirm") String confirm) {
        Authorization authorization = authorizations().stream()
                .filter(a -> a.clientId().equals(clientId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("You have not authorized that application."));
        if (confirm == null) {
            return Templates.confirmRevoke(authorization);
        }
        Backend.AUTH_SERVICE.run(() -> authService.revoke(clientId));
        return Response.seeOther(UriBuilder.fromPath("/applications")
                        .queryParam("revoked", AuthorizationViews.displayName(authorization))
                        .build())
                .build();
    }

    private List<Authorization> authorizations() {
        return Backend.AUTH_SERVICE.call(authService::list).authorizations();
    }
}
