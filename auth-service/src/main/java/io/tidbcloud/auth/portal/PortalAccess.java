package io.tidbcloud.auth.portal;

import io.quarkus.security.identity.SecurityIdentity;
import io.tidbcloud.auth.revocation.RevocationStore;
import io.tidbcloud.contract.error.GrpcStatus;
import io.tidbcloud.resourceserver.error.ServiceException;
import io.tidbcloud.resourceserver.error.TokenRejections;
import io.tidbcloud.resourceserver.revocation.RevokedTokenException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The portal-only rule of the person's API: a verified token of realm tidbcloud is not enough, it
 * must be the portal's ({@code azp}) and name auth-service in {@code aud}. A token of ticloud, of a
 * third-party application or of a service account is refused (403), so that a token a person gave
 * an application can never list or revoke their other authorizations, or register applications.
 *
 * <p>auth-service is the revocation feed, so it subscribes to none: a portal token is checked
 * against the revocations it stores (a signed-out portal session, an ended session, a disabled
 * person), which makes a revoked portal token fail here as at every other resource server (401).
 */
@RequestScoped
public class PortalAccess {

    static final String NOT_PORTAL = "This API accepts only the TiDB Cloud portal's tokens.";

    private final SecurityIdentity identity;
    private final PortalConfig config;
    private final RevocationStore revocations;
    private final TokenRejections rejections;

    PortalAccess(
            SecurityIdentity identity, PortalConfig config, RevocationStore revocations, TokenRejections rejections) {
        this.identity = identity;
        this.config = config;
        this.revocations = revocations;
        this.rejections = rejections;
    }

    /** The calling person; 403 unless the token is the portal's. */
    public Person person() {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            rejections.count(TokenRejections.Reason.WRONG_CLIENT);
            throw new ServiceException(GrpcStatus.PERMISSION_DENIED, NOT_PORTAL);
        }
        Object azp = token.getClaim("azp");
        boolean portal = azp != null && config.clientId().equals(azp.toString());
        boolean forUs = token.getAudience() != null && token.getAudience().contains(config.audience());
        if (!portal || !forUs || token.getSubject() == null) {
            rejections.count(TokenRejections.Reason.WRONG_CLIENT);
            throw new ServiceException(GrpcStatus.PERMISSION_DENIED, NOT_PORTAL);
        }
        Object sid = token.getClaim("sid");
        if (revocations.covers(
                token.getTokenID(),
                sid == null ? null : sid.toString(),
                azp.toString(),
                token.getSubject(),
                token.getIssuedAtTime(),
                System.currentTimeMillis())) {
            throw new RevokedTokenException();
        }
        return new Person(token.getSubject(), sid == null ? null : sid.toString(), token.getIssuer());
    }
}
