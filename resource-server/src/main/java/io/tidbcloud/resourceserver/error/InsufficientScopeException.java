package io.tidbcloud.resourceserver.error;

/** The token is valid but lacks the scope an endpoint needs (RFC 6750 section 3.1, {@code insufficient_scope}). */
public class InsufficientScopeException extends RuntimeException {

    private final String scope;

    public InsufficientScopeException(String scope) {
        super("The access token lacks the scope " + scope, null, false, false);
        this.scope = scope;
    }

    public String scope() {
        return scope;
    }
}
