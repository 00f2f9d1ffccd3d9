package io.tidbcloud.contract.revocation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code events} claim of a SET (RFC 8417 section 2.2): event type URI to payload. A revocation
 * carries exactly one of the two CAEP types below; event types of other kinds are ignored when read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({Events.SESSION_REVOKED, Events.TOKEN_CLAIMS_CHANGE})
public record Events(
        @JsonProperty(Events.SESSION_REVOKED) EventDetails sessionRevoked,
        @JsonProperty(Events.TOKEN_CLAIMS_CHANGE) EventDetails tokenClaimsChange) {

    /** CAEP: the sessions the subject names have ended; used for logouts and ended sessions. */
    public static final String SESSION_REVOKED = "https://schemas.openid.net/secevent/caep/event-type/session-revoked";

    /**
     * CAEP: the tokens the subject names changed claims; used for a revoked access token and a
     * revoked consent, whose tokens stop being active although no session ends.
     */
    public static final String TOKEN_CLAIMS_CHANGE =
            "https://schemas.openid.net/secevent/caep/event-type/token-claims-change";

    /** The one event of a revocation, or null when it holds neither type. */
    EventDetails single() {
        return sessionRevoked != null ? sessionRevoked : tokenClaimsChange;
    }
}
