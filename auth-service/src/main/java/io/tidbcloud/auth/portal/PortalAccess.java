package io.tidbcloud.auth.portal;

import io.quarkus.security.identity.SecurityIdentity;
import io.tidbcloud.contract.error.GrpcStatus;
import io.tidbcloud.resourceserver.error.ServiceException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The portal-only rule of the person's API: a verified token of realm tidbcloud is not enough, it
 * must be the portal's ({@code azp}) and name auth-service in {@code aud}. A token of ticloud, of a
 * third-party application or of a service account is refused (403), so that a token a person gave
 * an application can never list or revoke their other authorizations, or register applications.
 */
@RequestScoped
public class PortalAccess {

    static final String NOT_PORTAL = "This API accepts only the TiDB Cloud portal's tokens.";

    private final SecurityIdentity identity;
    private final PortalConfig config;

    PortalAccess(SecurityIdentity identity, PortalConfig config) {
        this.identity = identity;
        this.config = config;
    }

    /** The calling person; 403 unless the token is the portal's. */
    public Person person() {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new ServiceException(GrpcStatus.PERMISSION_DENIED, NOT_PORTAL);
        }
        Object azp = token.getClaim("azp");
        boolean portal = azp != null && config.clientId().equals(azp.toString());
        boolean forUs = token.getAudience() != null && token.getAudience().contains(config.audience());
        if (!portal || !forUs || token.getSubject() == null) {
            throw new ServiceException(GrpcStatus.PERMISSION_DENIED, NOT_PORTAL);
        }
        Object sid = token.getClaim("sid");
        return new Person(token.getSubject(), sid == null ? null : sid.toString(), token.getIssuer());
    }
}
