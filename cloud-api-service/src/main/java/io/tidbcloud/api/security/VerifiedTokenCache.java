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
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

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
 * routing context), which the provider sets again from the current request. Entries are keyed by
 * the OIDC tenant and the token.
 *
 * <p>Only what depends on the token alone may be checked once (signature, issuer, audience,
 * required claims, type, expiry). quarkus-oidc also has per-request checks: certificate-bound and
 * DPoP tokens (the proof of this request), {@code quarkus.oidc.token.age} (against the current
 * time) and step-up authentication ({@code @AuthenticationContext}, per endpoint). This API uses
 * none of them; if one is configured the cache switches itself off at start, and a request to a
 * step-up endpoint is never served from it.
 */
@ApplicationScoped
public class VerifiedTokenCache {

    /** Marks an identity served from this cache, so that {@link VerifiedTokenRecorder} does not store it again. */
    static final String FROM_CACHE = VerifiedTokenCache.class.getName() + ".hit";

    /** Attributes of quarkus-oidc identities that belong to one request (see OidcUtils). */
    static final Set<String> REQUEST_ATTRIBUTES =
            Set.of(RoutingContext.class.getName(), AuthenticationRequestContext.class.getName());

    /** quarkus-oidc's routing-context key for the step-up policy of the endpoint being called (3.33). */
    private static final String STEP_UP_POLICY = "io.quarkus.oidc.runtime.step-up-auth";
    /** quarkus-oidc's attribute naming the tenant that verified a token (OidcUtils.TENANT_ID_ATTRIBUTE). */
    static final String TENANT_ID = "tenant-id";

    private record Key(String tenant, String token) {}

    private record Entry(SecurityIdentity identity, long expiresAtSeconds) {}

    private static final Logger LOG = Logger.getLogger(VerifiedTokenCache.class);

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final LongSupplier epochSeconds;

    @Inject
    VerifiedTokenCache(ApiConfig config, Config settings) {
        this(
                perRequestOidcChecks(settings)
                        .map(check -> {
                            LOG.warnf(
                                    "verified-token cache off: %s needs quarkus-oidc's check on every request", check);
                            return 0;
                        })
                        .orElse(config.tokenCache().maxEntries()),
                () -> System.currentTimeMillis() / 1000);
    }

    /** The first quarkus-oidc setting that checks a token against each request, if one is on. */
    static Optional<String> perRequestOidcChecks(Config settings) {
        if (settings.getOptionalValue("quarkus.oidc.token.binding.certificate", Boolean.class)
                .orElse(false)) {
            return Optional.of("quarkus.oidc.token.binding.certificate");
        }
        if (settings.getOptionalValue("quarkus.oidc.token.authorization-scheme", String.class)
                .filter("DPoP"::equalsIgnoreCase)
                .isPresent()) {
            return Optional.of("quarkus.oidc.token.authorization-scheme=DPoP");
        }
        if (settings.getOptionalValue("quarkus.oidc.token.age", String.class).isPresent()) {
            return Optional.of("quarkus.oidc.token.age");
        }
        return Optional.empty();
    }

    VerifiedTokenCache(int maxEntries, LongSupplier epochSeconds) {
        this.maxEntries = maxEntries;
        this.epochSeconds = epochSeconds;
    }

    boolean enabled() {
        return maxEntries > 0;
    }

    /**
     * The remembered identity of {@code token}, if this OIDC tenant verified it here and it has not
     * expired; never for a request to a step-up endpoint.
     */
    Optional<SecurityIdentity> find(RoutingContext request, String token) {
        if (request == null || request.get(STEP_UP_POLICY) != null) {
            return Optional.empty();
        }
        return find(request.<Object>get(TENANT_ID), token);
    }

    Optional<SecurityIdentity> find(Object tenant, String token) {
        Key key = new Key(String.valueOf(tenant), token);
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (epochSeconds.getAsLong() >= entry.expiresAtSeconds()) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.identity());
    }

    /**
     * Remembers a freshly verified identity of an access token (principal a {@link JsonWebToken}
     * with an expiry) and returns what was read from the token for it; anything else is ignored (null).
     */
    VerifiedToken remember(SecurityIdentity verified) {
        if (!enabled()
                || verified.isAnonymous()
                || verified.getAttribute(FROM_CACHE) != null
                || !(verified.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        AccessTokenCredential credential = verified.getCredential(AccessTokenCredential.class);
        long expiresAt = jwt.getExpirationTime();
        // The principal must be this access token (not, say, the ID token of a code flow).
        if (credential == null
                || credential.getToken() == null
                || !credential.getToken().equals(jwt.getRawToken())
                || expiresAt <= epochSeconds.getAsLong()) {
            return null;
        }
        if (entries.size() >= maxEntries) {
            makeRoom();
        }
        Key key = new Key(String.valueOf(verified.<Object>getAttribute(TENANT_ID)), credential.getToken());
        VerifiedToken token = VerifiedToken.of(jwt);
        entries.put(key, new Entry(withoutRequestAttributes(verified, jwt, token), expiresAt));
        return token;
    }

    int size() {
        return entries.size();
    }

    /** Whether some tenant's entry for {@code token} is kept (tests). */
    boolean remembers(String token) {
        return entries.keySet().stream().anyMatch(key -> key.token().equals(token));
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
    private static SecurityIdentity withoutRequestAttributes(
            SecurityIdentity verified, JsonWebToken jwt, VerifiedToken token) {
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
