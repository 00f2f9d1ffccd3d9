package io.tidbcloud.api.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.credential.Credential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.tidbcloud.api.config.ApiConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The identities of bearer tokens this instance has already verified, each kept until its token
 * expires, so that a client repeating its token is not put through the full verification on every
 * request.
 *
 * <p>Why: quarkus-oidc verifies a JWT by decoding its claims three times (Vert.x JSON for the
 * claims, jose4j for the signature, jose4j again for the principal) and an RS256 signature check;
 * on this API that was a third of a request's CPU. A token string is immutable and its signature
 * either holds or not, so the result of verifying it is the same until it expires.
 *
 * <p>What stays per request: the expiry (a remembered token past {@code exp} is forgotten and
 * handed to quarkus-oidc, which refuses it, exactly as without the cache), and everything
 * {@link AccessFilter} does after authentication, the revocation deny check among it. Only
 * successful verifications are remembered; a token that failed is verified again next time.
 *
 * <p>Kept: the principal, credentials, roles, scopes-as-permissions and the attributes of the
 * verified identity, without the attributes that belong to the request that verified it (its
 * routing context), which the provider sets again from the current request.
 */
@ApplicationScoped
public class VerifiedTokenCache {

    /** Marks an identity served from this cache, so that {@link VerifiedTokenRecorder} does not store it again. */
    static final String FROM_CACHE = VerifiedTokenCache.class.getName() + ".hit";

    /** Attributes of quarkus-oidc identities that belong to one request (see OidcUtils). */
    static final Set<String> REQUEST_ATTRIBUTES = Set.of(
            RoutingContext.class.getName(),
            AuthenticationRequestContext.class.getName());

    private record Entry(SecurityIdentity identity, long expiresAtSeconds) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final LongSupplier epochSeconds;

    @Inject
    VerifiedTokenCache(ApiConfig config) {
        this(config.tokenCache().maxEntries(), () -> System.currentTimeMillis() / 1000);
    }

    VerifiedTokenCache(int maxEntries, LongSupplier epochSeconds) {
        this.maxEntries = maxEntries;
        this.epochSeconds = epochSeconds;
    }

    boolean enabled() {
        return maxEntries > 0;
    }

    /** The remembered identity of {@code token}, if it was verified here and has not expired. */
    Optional<SecurityIdentity> find(String token) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return Optional.empty();
        }
        if (epochSeconds.getAsLong() >= entry.expiresAtSeconds()) {
            entries.remove(token, entry);
            return Optional.empty();
        }
        return Optional.of(entry.identity());
    }

    /**
     * Remembers a freshly verified identity of an access token (principal a {@link JsonWebToken}
     * with an expiry); anything else is ignored.
     */
    void remember(SecurityIdentity verified) {
        if (!enabled() || verified.isAnonymous() || verified.getAttribute(FROM_CACHE) != null
                || !(verified.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        AccessTokenCredential credential = verified.getCredential(AccessTokenCredential.class);
        long expiresAt = jwt.getExpirationTime();
        if (credential == null || credential.getToken() == null || expiresAt <= epochSeconds.getAsLong()) {
            return;
        }
        if (entries.size() >= maxEntries) {
            makeRoom();
        }
        entries.put(credential.getToken(), new Entry(withoutRequestAttributes(verified, jwt), expiresAt));
    }

    int size() {
        return entries.size();
    }

    /**
     * Drops the expired entries; when that frees less than a tenth, drops everything (a miss only
     * costs one full verification), so that a full cache is swept once per tenth of its size at most.
     */
    private void makeRoom() {
        long now = epochSeconds.getAsLong();
        entries.values().removeIf(entry -> now >= entry.expiresAtSeconds());
        if (entries.size() > maxEntries - Math.max(1, maxEntries / 10)) {
            entries.clear();
        }
    }

    /**
     * A copy that holds no reference to the request that verified it. Permissions are rebuilt from
     * the token's {@code scope} claim, as quarkus-oidc makes them, instead of wrapping the original
     * identity's permission checker (which would keep that request alive).
     */
    private static SecurityIdentity withoutRequestAttributes(SecurityIdentity verified, JsonWebToken jwt) {
        VerifiedToken token = VerifiedToken.of(jwt);
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt)
                .addRoles(verified.getRoles())
                .addCredentials(new HashSet<Credential>(verified.getCredentials()))
                .addPermissionsAsString(token.caller().scopes());
        verified.getAttributes().forEach((name, value) -> {
            if (!REQUEST_ATTRIBUTES.contains(name)) {
                copy.addAttribute(name, value);
            }
        });
        return copy.addAttribute(VerifiedToken.ATTRIBUTE, token).build();
    }
}
