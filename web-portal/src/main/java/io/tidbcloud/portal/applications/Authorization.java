package io.tidbcloud.portal.applications;

import java.time.Instant;
import java.util.List;

/** An application the person authorized, as auth-service's {@code GET /v1/me/authorizations} lists it. */
public record Authorization(
        String clientId,
        String name,
        String homepage,
        List<GrantedScope> scopes,
        boolean offlineAccess,
        Instant firstGranted,
        Instant lastUsed,
        List<AppSession> sessions) {

    public record GrantedScope(String scope, String description) {}

    public record AppSession(
            String id, String kind, String address, Instant started, Instant lastActive, boolean offline) {}

    public record Listing(List<Authorization> authorizations) {}

    /** The name to show; the client id when the application has none. */
    public String displayName() {
        return name == null || name.isBlank() ? clientId : name;
    }

    public List<GrantedScope> scopes() {
        return scopes == null ? List.of() : scopes;
    }

    public List<AppSession> sessions() {
        return sessions == null ? List.of() : sessions;
    }
}
