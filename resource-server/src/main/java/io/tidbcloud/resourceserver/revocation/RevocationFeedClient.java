package io.tidbcloud.resourceserver.revocation;

import io.smallrye.mutiny.Multi;
import io.tidbcloud.contract.revocation.RevocationEndpoints;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.client.SseEvent;

/**
 * auth-service's revocation feed as the REST client sees it: server-sent events, resumed after
 * {@code Last-Event-ID}. Built with {@code QuarkusRestClientBuilder} at the configured base URL.
 */
@Path(RevocationEndpoints.FEED_PATH)
public interface RevocationFeedClient {

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> subscribe(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) long lastEventId);
}
