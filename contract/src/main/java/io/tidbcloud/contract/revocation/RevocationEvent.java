package io.tidbcloud.contract.revocation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.Optional;

/**
 * One revocation, as the claims of a Security Event Token (RFC 8417) carrying one CAEP event about
 * an RFC 9493 subject: what Keycloak's forwarder posts to auth-service, and what auth-service's feed
 * streams to resource servers (there with its feed position as the SSE id). The JSON is pinned in
 * contract/README.md and by {@code RevocationEventJsonTest}; it travels unsigned over our own
 * authenticated connections, so speaking OpenID Shared Signals later changes the transport (signed
 * SETs, SSF streams), not this model.
 *
 * @param id {@code jti}: unique per revocation, so that a retried delivery is stored once
 * @param issuer {@code iss}: the realm's issuer URL, as in the covered tokens
 * @param issuedAt {@code iat}: when the SET was made, seconds since the epoch
 * @param subject {@code sub_id}: which tokens are covered (see {@link #covers()})
 * @param events {@code events}: one CAEP event
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"jti", "iss", "iat", "sub_id", "events"})
public record RevocationEvent(
        @JsonProperty("jti") String id,
        @JsonProperty("iss") String issuer,
        @JsonProperty("iat") long issuedAt,
        @JsonProperty("sub_id") SubjectId subject,
        @JsonProperty("events") Events events) {

    /** {@code {"active": false}}: the claims change of a revoked token (RFC 7662's answer for it). */
    private static final Map<String, Object> INACTIVE = Map.of("active", false);

    /**
     * A revocation made now: the event type follows from what the subject covers (sessions ended:
     * {@code session-revoked}; a token or a consent revoked: {@code token-claims-change}).
     *
     * @param revokedAt when, seconds since the epoch ({@code event_timestamp} and {@code iat})
     * @param maxTokenExp seconds since the epoch after which no covered token is valid
     * @param reason the Keycloak action behind it (LOGOUT, REVOKE_CONSENT, ADMIN_SESSION_DELETE, ...)
     */
    public static RevocationEvent of(
            String id,
            String issuer,
            SubjectId subject,
            long revokedAt,
            long maxTokenExp,
            InitiatingEntity initiatingEntity,
            String reason) {
        Covers covers = Covers.of(subject);
        boolean claimsChange = covers == Covers.TOKEN || covers == Covers.SUBJECT_CLIENT || covers == Covers.CLIENT;
        EventDetails details = new EventDetails(
                revokedAt,
                initiatingEntity,
                reason == null ? null : Map.of(EventDetails.REASON_LANGUAGE, reason),
                claimsChange ? INACTIVE : null,
                maxTokenExp);
        return new RevocationEvent(
                id, issuer, revokedAt, subject, claimsChange ? new Events(null, details) : new Events(details, null));
    }

    /** Which tokens are covered; null when the subject names nothing we can key by. */
    public Covers covers() {
        return Covers.of(subject);
    }

    /** The covered user's {@code sub}, when named. */
    public String userId() {
        if (subject == null) {
            return null;
        }
        SubjectId user = SubjectId.ISS_SUB.equals(subject.format()) ? subject : subject.user();
        return user == null ? null : user.subject();
    }

    /** The covered session's {@code sid}, when named. */
    public String sessionId() {
        return subject == null ? null : Covers.idOf(subject.session());
    }

    /** The covered client's id ({@code azp}), when named. */
    public String clientId() {
        return subject == null ? null : Covers.idOf(subject.application());
    }

    /** The covered access token's {@code jti}, for a {@link Covers#TOKEN} revocation. */
    public String tokenId() {
        return subject == null || !SubjectId.JWT_ID.equals(subject.format()) ? null : subject.tokenId();
    }

    /** The CAEP event, or null when the SET carries neither type we know. */
    public EventDetails details() {
        return events == null ? null : events.single();
    }

    /** When Keycloak revoked, seconds since the epoch (CAEP {@code event_timestamp}). */
    public long revokedAt() {
        EventDetails details = details();
        return details == null ? 0 : details.eventTimestamp();
    }

    /** Seconds since the epoch after which no covered token can be valid. */
    public long maxTokenExp() {
        EventDetails details = details();
        return details == null ? 0 : details.maxTokenExp();
    }

    /** The Keycloak action behind it, when given. */
    public String reason() {
        EventDetails details = details();
        return details == null || details.reasonAdmin() == null
                ? null
                : details.reasonAdmin().get(EventDetails.REASON_LANGUAGE);
    }

    public InitiatingEntity initiatingEntity() {
        EventDetails details = details();
        return details == null ? null : details.initiatingEntity();
    }

    /** Why this revocation cannot be acted on, if it cannot: what every reader requires of it. */
    public Optional<String> problem() {
        if (id == null || id.isBlank()) {
            return Optional.of("jti is required");
        }
        if (issuer == null || issuer.isBlank()) {
            return Optional.of("iss is required");
        }
        if (details() == null) {
            return Optional.of("events must hold a CAEP session-revoked or token-claims-change event");
        }
        if (revokedAt() <= 0 || maxTokenExp() <= 0) {
            return Optional.of("event_timestamp and max_token_exp are required (seconds since the epoch)");
        }
        if (covers() == null) {
            return Optional.of("sub_id names no token (jwt_id), session, user or application (complex or iss_sub)");
        }
        return Optional.empty();
    }
}
