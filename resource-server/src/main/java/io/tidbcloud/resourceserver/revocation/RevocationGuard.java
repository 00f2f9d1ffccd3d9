package io.tidbcloud.resourceserver.revocation;

import io.tidbcloud.contract.error.GrpcStatus;
import io.tidbcloud.resourceserver.error.ServiceException;
import io.tidbcloud.resourceserver.error.TokenRejections;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The deny check on the request path, after the JWT checks. While the feed is lost longer than
 * the staleness bound this instance refuses (503, code 14) rather than introspecting at Keycloak:
 * an outage of the feed then costs availability instead of loading Keycloak with one introspection
 * per request exactly when something is already wrong, and refusing is what the bound promises.
 */
@ApplicationScoped
public class RevocationGuard {

    private final RevocationFeedSubscriber feed;
    private final DenySet denySet;
    private final TokenRejections rejections;

    RevocationGuard(RevocationFeedSubscriber feed, DenySet denySet, TokenRejections rejections) {
        this.feed = feed;
        this.denySet = denySet;
        this.rejections = rejections;
    }

    /** Throws when the token is revoked, or when revocations cannot be known right now. */
    public void check(RevocationKeys token) {
        if (!feed.enabled()) {
            return;
        }
        if (!feed.isFresh()) {
            rejections.count(TokenRejections.Reason.STALE_FEED);
            throw new ServiceException(
                    GrpcStatus.UNAVAILABLE,
                    "Revocation status cannot be checked right now (revocation feed lost); try again shortly");
        }
        if (denySet.isRevoked(
                token.tokenId(),
                token.sessionId(),
                token.clientId(),
                token.subject(),
                token.issuedAt(),
                System.currentTimeMillis())) {
            throw new RevokedTokenException();
        }
    }
}
