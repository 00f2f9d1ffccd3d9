package io.tidbcloud.portal.applications;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.tidbcloud.contract.portal.AuthorizationList;
import io.tidbcloud.portal.backend.Backend;
import io.tidbcloud.portal.backend.BearerAccessToken;
import io.tidbcloud.portal.backend.ServiceException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** auth-service's "my authorizations" (spec/api.md), called with the person's access token. */
@RegisterRestClient(configKey = "auth-service")
@RegisterProvider(BearerAccessToken.class)
@Path("/v1/me/authorizations")
public interface AuthorizationsClient {

    @GET
    AuthorizationList list();

    /** Removes the consent, the app's offline and refresh tokens and sessions; its access tokens fail within a second. */
    @DELETE
    @Path("/{clientId}")
    void revoke(@PathParam("clientId") String clientId);

    @ClientExceptionMapper
    static ServiceException toException(Response response) {
        return ServiceException.from(Backend.AUTH_SERVICE, response);
    }
}
