package io.tidbcloud.contract.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * A session in which an authorized application holds tokens.
 *
 * @param id the Keycloak session's id
 * @param kind {@link SessionKind#DEVICE} for every session of a device-grant application, whichever
 *     browser approved it
 * @param address the IP address it started from
 * @param offline only an offline copy of the session is left (an offline token)
 */
@JsonPropertyOrder({"id", "kind", "address", "started", "lastActive", "offline"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuthorizedSession(
        String id, SessionKind kind, String address, Instant started, Instant lastActive, boolean offline) {}
