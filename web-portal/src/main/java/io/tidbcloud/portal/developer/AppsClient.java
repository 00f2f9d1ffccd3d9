package io.tidbcloud.portal.developer;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.tidbcloud.contract.portal.ApplicationList;
import io.tidbcloud.contract.portal.ApplicationRegistration;
import io.tidbcloud.contract.portal.ClientSecret;
import io.tidbcloud.contract.portal.OAuthApplication;
import io.tidbcloud.portal.backend.Backend;
import io.tidbcloud.portal.backend.BearerAccessToken;
import io.tidbcloud.portal.backend.ServiceException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** auth-service's developer app registry (spec/api.md), called with the person's access token. */
@RegisterRestClient(configKey = "auth-service")
@RegisterProvider(BearerAccessToken.class)
@Path("/v1/apps")
public interface AppsClient {

    @GET
    ApplicationList list();

    /** The new app with its secret (web apps), which auth-service shows only in this answer. */
    @POST
    OAuthApplication register(ApplicationRegistration registration);

    @POST
    @Path("/{clientId}/secret")
    ClientSecret rotateSecret(@PathParam("clientId") String clientId);

    @DELETE
    @Path("/{clientId}")
    void delete(@PathParam("clientId") String clientId);

    @ClientExceptionMapper
    static ServiceException toException(Response response) {
        return ServiceException.from(Backend.AUTH_SERVICE, response);
    }
}
