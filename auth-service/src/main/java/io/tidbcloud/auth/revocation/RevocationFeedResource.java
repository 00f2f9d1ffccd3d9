package io.tidbcloud.auth.revocation;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.tidbcloud.contract.error.GrpcStatus;
import io.tidbcloud.contract.revocation.RevocationEndpoints;
import io.tidbcloud.resourceserver.error.ServiceException;
import io.tidbcloud.resourceserver.error.TokenRejections;
import io.tidbcloud.resourceserver.revocation.RevokedTokenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The revocation feed for resource servers, as server-sent events: every stored revocation after
 * {@code Last-Event-ID} (or {@code ?after=}), then {@code caught-up}, then new revocations as they
 * come and a {@code heartbeat} whenever the feed is idle. Subscribers authenticate as services: a
 * client-credentials token of realm tidbcloud whose client ({@code azp}) is listed in
 * {@code tidbcloud.revocation.subscribers}.
 */
@Path(RevocationEndpoints.FEED_PATH)
@Authenticated
public class RevocationFeedResource {

    private final RevocationFeed feed;
    private final RevocationConfig config;
    private final SecurityIdentity identity;
    private final TokenRejections rejections;
    private final RevocationStore revocations;

    RevocationFeedResource(
            RevocationFeed feed,
            RevocationConfig config,
            SecurityIdentity identity,
            TokenRejections rejections,
            RevocationStore revocations) {
        this.feed = feed;
        this.config = config;
        this.identity = identity;
        this.rejections = rejections;
        this.revocations = revocations;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Subscribe to revocations (server-sent events, resumable with Last-Event-ID)")
    public void subscribe(
            @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
            @QueryParam("after") String after,
            @Context SseEventSink sink,
            @Context Sse sse) {
        JsonWebToken token = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
        String client = token == null ? null : token.getClaim("azp");
        if (token != null && isRevoked(token, client)) {
            // a subscriber's token revoked at Keycloak (its client deleted, its session ended) opens no feed
            throw new RevokedTokenException();
        }
        if (client == null || !isSubscriber(client)) {
            rejections.count(TokenRejections.Reason.WRONG_CLIENT);
            throw new ServiceException(GrpcStatus.PERMISSION_DENIED, "The client is not a revocation feed subscriber");
        }
        long from = position(lastEventId != null ? lastEventId : after);
        openStream(sink, sse);
        feed.stream(client, from, sink, sse);
    }

    /**
     * Writes the response head (with an SSE comment, which subscribers ignore) on this request's
     * thread, before the feed's own thread starts sending. Otherwise RESTEasy Reactive's initial
     * response, written after this method returns, races the feed's first event for the head of the
     * response, and the loser fails and ends the stream at once.
     */
    private static void openStream(SseEventSink sink, Sse sse) {
        try {
            sink.send(sse.newEventBuilder().comment("revocation feed").build())
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw feedUnavailable();
        } catch (ExecutionException | TimeoutException e) {
            throw feedUnavailable();
        }
    }

    private static ServiceException feedUnavailable() {
        return new ServiceException(GrpcStatus.UNAVAILABLE, "The revocation feed could not be opened; try again");
    }

    /** Whether a revocation auth-service keeps covers the token, as a resource server's deny set would. */
    private boolean isRevoked(JsonWebToken token, String client) {
        Object sid = token.getClaim("sid");
        return revocations.covers(
                token.getTokenID(),
                sid == null ? null : sid.toString(),
                client,
                token.getSubject(),
                token.getIssuedAtTime(),
                System.currentTimeMillis());
    }

    /** Listed by client id; an entry ending in {@code *} admits every client id starting with the rest. */
    private boolean isSubscriber(String client) {
        return config.subscribers().stream()
                .anyMatch(allowed -> allowed.endsWith("*")
                        ? client.startsWith(allowed.substring(0, allowed.length() - 1))
                        : client.equals(allowed));
    }

    private static long position(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long seq = Long.parseLong(value.trim());
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new ServiceException(GrpcStatus.INVALID_ARGUMENT, "Last-Event-ID must be a feed position (a number)");
    }
}
