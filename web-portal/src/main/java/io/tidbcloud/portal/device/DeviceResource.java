package io.tidbcloud.portal.device;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
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
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Activate a device": the person types the code their device (the {@code ticloud} CLI, a TV app)
 * shows, and continues at Keycloak's device verification with it filled in (RFC 8628 section 3.3),
 * where Keycloak's device confirmation, scope selection and consent follow.
 *
 * <p>A code that cannot be one (wrong length or letters) is answered here, without a round trip to
 * Keycloak, so it does not count against the person's wrong-code limit there.
 */
@Path("/device")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class DeviceResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance activate(String userCode, String problem);
    }

    private final URI verificationUri;

    DeviceResource(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl) {
        this.verificationUri = URI.create(realmUrl + "/device");
    }

    @GET
    public TemplateInstance form(@QueryParam("user_code") String userCode) {
        String prefill = userCode == null
                ? ""
                : UserCode.parse(userCode).map(UserCode::value).orElse(userCode);
        return Templates.activate(prefill, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response activate(@FormParam("user_code") String typed) {
        Optional<UserCode> code = UserCode.parse(typed);
        if (code.isEmpty()) {
            String problem = typed == null || typed.isBlank()
                    ? "Enter the code your device shows."
                    : "That is not a device code: it has 8 letters, like BCDF-GHJK (no vowels, no digits).";
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.activate(typed == null ? "" : typed.strip(), problem))
                    .build();
        }
        URI keycloak = UriBuilder.fromUri(verificationUri)
                .queryParam("user_code", code.get().value())
                .build();
        return Response.seeOther(keycloak).build();
    }
}
