package io.tidbcloud.portal.developer;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.tidbcloud.contract.portal.ClientSecret;
import io.tidbcloud.contract.portal.OAuthApplication;
import io.tidbcloud.contract.scope.ApiScope;
import io.tidbcloud.portal.backend.Backend;
import io.tidbcloud.portal.backend.ServiceException;
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
 * Registering and managing OAuth applications. A client secret is shown once, in the page that
 * answers the registration (or the rotation) itself: never in a URL or a redirect, never logged,
 * never cached ({@code Cache-Control: no-store}). Deleting asks first, without JavaScript.
 */
@Path("/developer/apps")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class DeveloperAppsResource {

    /** What the page shows above the list, once: a new app's credentials or a new secret. */
    public record Credentials(String clientId, String clientSecret, String name, boolean rotated) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance apps(
                List<OAuthApplication> apps,
                AppForm form,
                ApiScope[] allScopes,
                Credentials credentials,
                String problem,
                String deleted);

        static native TemplateInstance confirmDelete(OAuthApplication app);
    }

    @RestClient
    AppsClient authService;

    @GET
    public TemplateInstance list(@QueryParam("deleted") String deleted) {
        return page(AppForm.blank(), null, null, deleted);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(
            @FormParam("name") String name,
            @FormParam("kind") String kind,
            @FormParam("redirect_uris") String redirectUris,
            @FormParam("scope") List<String> scopes,
            @FormParam("homepage") String homepage) {
        AppForm form = new AppForm(name, kind, redirectUris, scopes, homepage);
        OAuthApplication app;
        try {
            app = Backend.AUTH_SERVICE.call(() -> authService.register(form.registration()));
        } catch (ServiceException refused) {
            if (refused.status() != 400 && refused.status() != 409) {
                throw refused;
            }
            return Response.status(refused.status())
                    .entity(page(form, null, refused.getMessage(), null))
                    .build();
        }
        Credentials shown = new Credentials(app.clientId(), app.clientSecret(), app.name(), false);
        return Response.status(Response.Status.CREATED)
                .header("Cache-Control", "no-store")
                .entity(page(AppForm.blank(), shown, null, null))
                .build();
    }

    @POST
    @Path("/rotate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rotate(@FormParam("client_id") String clientId) {
        OAuthApplication app = own(clientId);
        ClientSecret secret = Backend.AUTH_SERVICE.call(() -> authService.rotateSecret(app.clientId()));
        Credentials shown = new Credentials(secret.clientId(), secret.clientSecret(), app.name(), true);
        return Response.ok(page(AppForm.blank(), shown, null, null))
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object delete(@FormParam("client_id") String clientId, @FormParam("confirm") String confirm) {
        OAuthApplication app = own(clientId);
        if (confirm == null) {
            return Templates.confirmDelete(app);
        }
        Backend.AUTH_SERVICE.run(() -> authService.delete(app.clientId()));
        return Response.seeOther(UriBuilder.fromPath("/developer/apps")
                        .queryParam("deleted", app.name())
                        .build())
                .build();
    }

    private TemplateInstance page(AppForm form, Credentials credentials, String problem, String deleted) {
        return Templates.apps(apps(), form, ApiScope.values(), credentials, problem, deleted);
    }

    private List<OAuthApplication> apps() {
        return Backend.AUTH_SERVICE.call(authService::list).apps();
    }

    private OAuthApplication own(String clientId) {
        return apps().stream()
                .filter(app -> app.clientId().equals(clientId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("You have no application with that client id."));
    }
}
