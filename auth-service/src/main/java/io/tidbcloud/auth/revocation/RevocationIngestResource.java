package io.tidbcloud.auth.revocation;

import io.tidbcloud.contract.error.GrpcStatus;
import io.tidbcloud.contract.revocation.RevocationEndpoints;
import io.tidbcloud.contract.revocation.RevocationEvent;
import io.tidbcloud.resourceserver.error.ServiceException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Where Keycloak's {@code tidbcloud-revocation} listener delivers revocations. The listener
 * authenticates with the shared secret {@code TIDBCLOUD_EVENTS_SECRET} in its own header: Keycloak
 * would otherwise have to fetch a token from itself for every delivery, inside its own event path.
 */
@Path(RevocationEndpoints.INGEST_PATH)
@PermitAll
public class RevocationIngestResource {

    private final RevocationService revocations;
    private final RevocationConfig config;

    RevocationIngestResource(RevocationService revocations, RevocationConfig config) {
        this.revocations = revocations;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Keycloak delivers revocations (internal; shared-secret header)")
    public Response deliver(
            @HeaderParam(RevocationEndpoints.SECRET_HEADER) String secret, List<RevocationEvent> delivered) {
        if (config.eventsSecret().filter(s -> !s.isBlank()).isEmpty()) {
            throw new ServiceException(GrpcStatus.UNAVAILABLE, "auth-service has no TIDBCLOUD_EVENTS_SECRET");
        }
        if (secret == null || !constantTimeEquals(secret, config.eventsSecret().get())) {
            throw new ServiceException(
                    GrpcStatus.UNAUTHENTICATED, "Missing or wrong " + RevocationEndpoints.SECRET_HEADER);
        }
        if (delivered == null || delivered.isEmpty()) {
            throw new ServiceException(
                    GrpcStatus.INVALID_ARGUMENT, "body must be a non-empty JSON array of revocations");
        }
        if (delivered.size() > config.maxBatch()) {
            throw new ServiceException(
                    GrpcStatus.INVALID_ARGUMENT,
                    "body carries at most " + config.maxBatch() + " revocations per delivery");
        }
        revocations.record(delivered).ifPresent(problem -> {
            throw new ServiceException(GrpcStatus.INVALID_ARGUMENT, problem);
        });
        return Response.noContent().build();
    }

    private static boolean constantTimeEquals(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
