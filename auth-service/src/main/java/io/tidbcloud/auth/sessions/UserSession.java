package io.tidbcloud.auth.sessions;

import java.time.Instant;
import java.util.List;

/**
 * One of a person's Keycloak user sessions. Keycloak keeps an offline copy of a session under the
 * same id when a client asked for {@code offline_access} (ticloud does); both copies are one session
 * here, {@code offline} only when no online copy is left. The API shows it as contract's
 * {@code PersonSession}.
 *
 * @param clientIds the clients that hold tokens of the session
 * @param online whether Keycloak holds an online copy
 * @param offlineCopy whether Keycloak holds an offline copy
 */
public record UserSession(
        String id,
        String address,
        Instant started,
        Instant lastActive,
        List<String> clientIds,
        boolean online,
        boolean offlineCopy) {

    public boolean offline() {
        return !online;
    }
}
