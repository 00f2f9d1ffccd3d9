package io.tidbcloud.auth.sessions;

import java.time.Instant;
import java.util.List;

/** A session in {@code GET /v1/me/sessions}. */
public record SessionView(
        String id,
        String kind,
        String address,
        Instant started,
        Instant lastActive,
        boolean current,
        boolean offline,
        List<Client> clients) {

    public record Client(String clientId, String name) {}

    public record Sessions(List<SessionView> sessions) {}
}
