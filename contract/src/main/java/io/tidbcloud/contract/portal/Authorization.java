package io.tidbcloud.contract.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * An application the person authorized (consented to, or holding an offline token of theirs), in
 * {@code GET /v1/me/authorizations}.
 *
 * @param name the client's name; null when it has none
 * @param homepage null when there is none
 * @param scopes the API scopes granted, with their consent texts
 * @param offlineAccess it holds an offline token
 * @param firstGranted when the consent was given
 * @param lastUsed the last activity of its sessions, else when the consent last changed
 * @param sessions the sessions in which it holds tokens
 */
@JsonPropertyOrder({"clientId", "name", "homepage", "scopes", "offlineAccess", "firstGranted", "lastUsed", "sessions"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record Authorization(
        String clientId,
        String name,
        String homepage,
        List<GrantedScope> scopes,
        boolean offlineAccess,
        Instant firstGranted,
        Instant lastUsed,
        List<AuthorizedSession> sessions) {

    public Authorization {
        scopes = scopes == null ? List.of() : scopes;
        sessions = sessions == null ? List.of() : sessions;
    }
}
