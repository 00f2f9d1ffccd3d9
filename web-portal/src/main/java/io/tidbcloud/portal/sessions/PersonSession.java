package io.tidbcloud.portal.sessions;

import java.time.Instant;
import java.util.List;

/** One of the person's Keycloak sessions, as auth-service's {@code GET /v1/me/sessions} lists it. */
public record PersonSession(
        String id,
        String kind,
        String address,
        Instant started,
        Instant lastActive,
        boolean current,
        boolean offline,
        List<SessionClient> clients) {

    public record SessionClient(String clientId, String name) {

        public String displayName() {
            return name == null || name.isBlank() ? clientId : name;
        }
    }

    public record Listing(List<PersonSession> sessions) {}

    public List<SessionClient> clients() {
        return clients == null ? List.of() : clients;
    }

    /** "Browser" or "Device", as the page shows it. */
    public String kindLabel() {
        return "device".equals(kind) ? "Device" : "Browser";
    }
}
