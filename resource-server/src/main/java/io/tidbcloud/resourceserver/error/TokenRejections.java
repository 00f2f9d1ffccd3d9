package io.tidbcloud.resourceserver.error;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.AuthenticationFailedException;
import io.tidbcloud.resourceserver.token.IssuedAtCheck;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Counts every refused bearer token by why, as {@code tidbcloud_tokens_rejected_total{reason}} on
 * {@code /q/metrics}. Every reason is registered at start (at 0), so that a rate over any of them is
 * defined before the first refusal. Counted where the refusal is decided: {@link ErrorMapper} for
 * what quarkus-oidc and the scope checks refuse, the revocation guard for a revoked token or a
 * stale feed, and a service's own rules (auth-service's portal-only API).
 */
@ApplicationScoped
public class TokenRejections {

    /** Why a token was refused; the tag value is the lower-case name. */
    public enum Reason {
        /** No {@code Authorization: Bearer} header at all. */
        MISSING,
        /** Not a JWT, or a JWT whose JSON or claims cannot be read. */
        MALFORMED,
        /** Signed by no key of the realm, with a bad signature, or not signed ({@code alg: none}). */
        INVALID_SIGNATURE,
        EXPIRED,
        NOT_YET_VALID,
        WRONG_ISSUER,
        WRONG_AUDIENCE,
        /** Refused by quarkus-oidc for another reason (a required claim missing, ...). */
        INVALID,
        /** Verified, but Keycloak has revoked it (the deny set, or auth-service's store). */
        REVOKED,
        /** Verified, but without the endpoint's scope (403 {@code insufficient_scope}). */
        INSUFFICIENT_SCOPE,
        /** Verified, but issued to a client this API does not serve (auth-service: portal tokens only). */
        WRONG_CLIENT,
        /** Not checked: the revocation feed has been lost longer than the staleness bound (503). */
        STALE_FEED;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String METER = "tidbcloud.tokens.rejected";

    /** {@code Bearer} and a JWS in compact form: three base64url parts (RFC 7515 section 7.1). */
    private static final Pattern JWS_COMPACT =
            Pattern.compile("(?i)bearer +[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final Map<Reason, Counter> counters = new EnumMap<>(Reason.class);

    TokenRejections(MeterRegistry registry) {
        for (Reason reason : Reason.values()) {
            counters.put(
                    reason,
                    Counter.builder(METER)
                            .description("Bearer tokens refused, by reason")
                            .tag("reason", reason.tag())
                            .register(registry));
        }
    }

    public void count(Reason reason) {
        counters.get(reason).increment();
    }

    /**
     * Why quarkus-oidc refused a token: not a JWT at all (three dot-separated parts) when the
     * {@code Authorization} header shows it, else read from jose4j's error codes (kept as the cause).
     */
    public static Reason reasonOf(AuthenticationFailedException e, String authorization) {
        if (authorization != null && !JWS_COMPACT.matcher(authorization).matches()) {
            return Reason.MALFORMED;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IssuedAtCheck.IssuedInTheFutureException) {
                return Reason.NOT_YET_VALID;
            }
            if (t instanceof InvalidJwtException invalid) {
                if (invalid.hasExpired()) {
                    return Reason.EXPIRED;
                }
                if (invalid.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)
                        || invalid.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
                    return Reason.WRONG_AUDIENCE;
                }
                if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID)
                        || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
                    return Reason.WRONG_ISSUER;
                }
                if (invalid.hasErrorCode(ErrorCodes.NOT_YET_VALID)
                        || invalid.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
                    return Reason.NOT_YET_VALID;
                }
                if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)
                        || invalid.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
                    return Reason.INVALID_SIGNATURE;
                }
                if (invalid.hasErrorCode(ErrorCodes.JSON_INVALID) || invalid.hasErrorCode(ErrorCodes.MALFORMED_CLAIM)) {
                    return Reason.MALFORMED;
                }
                return Reason.INVALID;
            }
            if (t instanceof UnresolvableKeyException) {
                return Reason.INVALID_SIGNATURE;
            }
        }
        return Reason.INVALID;
    }
}
