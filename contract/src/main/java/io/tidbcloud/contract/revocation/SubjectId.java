package io.tidbcloud.contract.revocation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A subject identifier of RFC 9493 ("Subject Identifiers for Security Event Tokens"), in the
 * formats a revocation uses; only the members of its {@code format} are set:
 * <ul>
 *   <li>{@code iss_sub}: {@code iss} and {@code sub}, a user of realm tidbcloud;</li>
 *   <li>{@code opaque}: {@code id}, a session id ({@code sid}) or a client id ({@code azp});</li>
 *   <li>{@code jwt_id}: {@code iss} and {@code jti}, one access token (OpenID Shared Signals Framework 1.0);</li>
 *   <li>{@code complex}: {@code user}, {@code session} and {@code application}, each itself a subject
 *       identifier, naming the tokens all of them match.</li>
 * </ul>
 * Members of other formats or complex members we do not use ({@code device}, {@code tenant}, ...)
 * are ignored when read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"format", "iss", "sub", "id", "jti", "user", "session", "application"})
public record SubjectId(
        @JsonProperty("format") String format,
        @JsonProperty("iss") String issuer,
        @JsonProperty("sub") String subject,
        @JsonProperty("id") String id,
        @JsonProperty("jti") String tokenId,
        @JsonProperty("user") SubjectId user,
        @JsonProperty("session") SubjectId session,
        @JsonProperty("application") SubjectId application) {

    public static final String ISS_SUB = "iss_sub";
    public static final String OPAQUE = "opaque";
    public static final String JWT_ID = "jwt_id";
    public static final String COMPLEX = "complex";

    /** A user: the issuer and {@code sub} of their tokens. */
    public static SubjectId issSub(String issuer, String subject) {
        return new SubjectId(ISS_SUB, issuer, subject, null, null, null, null, null);
    }

    public static SubjectId opaque(String id) {
        return new SubjectId(OPAQUE, null, null, id, null, null, null, null);
    }

    /** One JWT, by its issuer and {@code jti}. */
    public static SubjectId jwtId(String issuer, String tokenId) {
        return new SubjectId(JWT_ID, issuer, null, null, tokenId, null, null, null);
    }

    /**
     * The tokens that match every part given: a user ({@code sub}), a session ({@code sid}), an
     * application (client id, {@code azp}); null parts are left out.
     */
    public static SubjectId complex(String issuer, String subject, String sessionId, String clientId) {
        return new SubjectId(
                COMPLEX,
                null,
                null,
                null,
                null,
                subject == null ? null : issSub(issuer, subject),
                sessionId == null ? null : opaque(sessionId),
                clientId == null ? null : opaque(clientId));
    }
}
