package io.tidbcloud.auth.authorizations;

import java.time.Instant;
import java.util.List;

/** An application the person authorized, in {@code GET /v1/me/authorizations}. */
public record AuthorizationView(
        String clientId,
        String name,
        String homepage,
        List<Scope> scopes,
        boolean offlineAccess,
        Instant firstGranted,
        Instant lastUsed,
        List<Session> sessions) {

    /** A granted API scope and its consent text. */
    public record Scope(String scope, String description) {}

    /** A session in which the application holds tokens. */
    public record Session(
            String id, String kind, String address, Instant started, Instant lastActive, boolean offline) {}

    public record Authorizations(List<AuthorizationView> authorizations) {}
}
