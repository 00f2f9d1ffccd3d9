package io.tidbcloud.contract.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * One of the person's Keycloak sessions, in {@code GET /v1/me/sessions}; its online and offline
 * copies are one entry.
 *
 * @param kind {@link SessionKind#DEVICE} when every application in it is a device-grant one
 * @param address the IP address it started from
 * @param current it is the session of the token that asked (the portal's own)
 * @param offline only an offline copy of the session is left
 * @param clients the applications holding its tokens
 */
@JsonPropertyOrder({"id", "kind", "address", "started", "lastActive", "current", "offline", "clients"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record PersonSession(
        String id,
        SessionKind kind,
        String address,
        Instant started,
        Instant lastActive,
        boolean current,
        boolean offline,
        List<SessionClient> clients) {

    public PersonSession {
        clients = clients == null ? List.of() : clients;
    }
}
