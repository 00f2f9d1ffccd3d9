package io.tidbcloud.contract.revocation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * The payload of a CAEP event (OpenID CAEP 1.0, "Event Types"): its common members, the
 * {@code claims} of a {@code token-claims-change}, and one member of ours.
 *
 * @param eventTimestamp CAEP {@code event_timestamp}: when Keycloak revoked, seconds since the epoch;
 *     a token issued later ({@code iat} greater) is not covered, except by a {@link Covers#TOKEN} revocation
 * @param initiatingEntity CAEP {@code initiating_entity}, when known
 * @param reasonAdmin CAEP {@code reason_admin}: the Keycloak action behind it, by language tag ({@code en})
 * @param claims CAEP {@code claims} of a {@code token-claims-change}: always {@code {"active": false}},
 *     what RFC 7662 introspection says of the covered tokens from now on; null for {@code session-revoked}
 * @param maxTokenExp ours, {@code max_token_exp}: seconds since the epoch after which no covered token
 *     can still be valid (the latest {@code exp} any of them can have, plus leeway); after it the event
 *     matters no more
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"event_timestamp", "initiating_entity", "reason_admin", "claims", "max_token_exp"})
public record EventDetails(
        @JsonProperty("event_timestamp") long eventTimestamp,
        @JsonProperty("initiating_entity") InitiatingEntity initiatingEntity,
        @JsonProperty("reason_admin") Map<String, String> reasonAdmin,
        @JsonProperty("claims") Map<String, Object> claims,
        @JsonProperty("max_token_exp") long maxTokenExp) {

    /** The language tag of {@link #reasonAdmin()}. */
    public static final String REASON_LANGUAGE = "en";
}
