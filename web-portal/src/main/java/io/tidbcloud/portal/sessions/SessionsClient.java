package io.tidbcloud.portal.sessions;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.tidbcloud.contract.portal.SessionList;
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

/** auth-service's session listing and ending (spec/api.md), called with the person's access token. */
@RegisterRestClient(configKey = "auth-service")
@RegisterProvider(BearerAccessToken.class)
@Path("/v1/me/sessions")
public interface SessionsClient {

    @GET
    SessionList list();

    @DELETE
    @Path("/{id}")
    void end(@PathParam("id") String id);

    @ClientExceptionMapper
    static ServiceException toException(Response response) {
        return ServiceException.from(Backend.AUTH_SERVICE, response);
    }
}
