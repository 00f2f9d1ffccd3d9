package io.tidbcloud.resourceserver.revocation;

/** The token verifies, but Keycloak has revoked it (logout, revocation, ended session, disabled user...). */
public class RevokedTokenException extends RuntimeException {

    public RevokedTokenException() {
        super("token has been revoked", null, false, false);
    }
}
