package io.tidbcloud.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.StringPermission;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** The cache's own rules, with a settable clock: what it keeps, for how long, and what it drops. */
class VerifiedTokenCacheTest {

    private static final String TENANT = "Default";

    private final AtomicLong now = new AtomicLong(1_000_000);

    @Test
    void aVerifiedTokenIsFoundUntilTheSecondItExpires() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10, now::get);
        cache.remember(verified("token-a", now.get() + 60, "cluster:read"));

        assertThat(cache.find(TENANT, "token-a"))
                .get()
                .extracting(i -> i.getPrincipal().getName())
                .isEqualTo("sub-token-a");
        now.addAndGet(59);
        assertThat(cache.find(TENANT, "token-a")).isPresent();
        now.addAndGet(1);
        assertThat(cache.find(TENANT, "token-a")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void anotherTokenIsNotFound() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10, now::get);
        cache.remember(verified("token-a", now.get() + 60, "cluster:read"));
        assertThat(cache.find(TENANT, "token-a-tampered")).isEmpty();
    }

    @Test
    void aTokenIsFoundOnlyForTheTenantThatVerifiedIt() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10, now::get);
        cache.remember(verified("token-a", now.get() + 60, "cluster:read"));
        assertThat(cache.find("other-tenant", "token-a")).isEmpty();
        assertThat(cache.find(TENANT, "token-a")).isPresent();
    }

    @Test
    void anIdentityWhosePrincipalIsAnotherTokenIsNotRemembered() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10, now::get);
        // As in a code flow: the principal is the ID token, the credentials also hold an access token.
        SecurityIdentity idTokenPrincipal = QuarkusSecurityIdentity.builder()
                .setPrincipal(new DefaultJWTCallerPrincipal(claims("id-token", "u", now.get() + 60)))
                .addCredential(new AccessTokenCredential("access-token"))
                .build();
        cache.remember(idTokenPrincipal);
        assertThat(cache.size()).isZero();
    }

    @Test
    void settingsThatQuarkusOidcChecksPerRequestTurnTheCacheOff() {
        assertThat(VerifiedTokenCache.perRequestOidcChecks(config(Map.of()))).isEmpty();
        assertThat(VerifiedTokenCache.perRequestOidcChecks(
                        config(Map.of("quarkus.oidc.token.binding.certificate", "true"))))
                .contains("quarkus.oidc.token.binding.certificate");
        assertThat(VerifiedTokenCache.perRequestOidcChecks(
                        config(Map.of("quarkus.oidc.token.authorization-scheme", "DPoP"))))
                .isPresent();
        assertThat(VerifiedTokenCache.perRequestOidcChecks(
                        config(Map.of("quarkus.oidc.token.authorization-scheme", "Bearer"))))
                .isEmpty();
        assertThat(VerifiedTokenCache.perRequestOidcChecks(config(Map.of("quarkus.oidc.token.age", "PT5M"))))
                .contains("quarkus.oidc.token.age");
    }

    private static org.eclipse.microprofile.config.Config config(Map<String, String> values) {
        return new io.smallrye.config.SmallRyeConfigBuilder()
                .withDefaultValues(values)
                .build();
    }

    @Test
    void anExpiredAnonymousOrCachedIdentityIsNotRemembered() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10, now::get);
        cache.remember(verified("expired", now.get(), "cluster:read"));
        cache.remember(QuarkusSecurityIdentity.builder().setAnonymous(true).build());
        cache.remember(QuarkusSecurityIdentity.builder(verified("served", now.get() + 60, "cluster:read"))
                .addAttribute(VerifiedTokenCache.FROM_CACHE, true)
                .build());
        assertThat(cache.size()).isZero();
    }

    @Test
    void theRememberedIdentityKeepsScopesAndClaimsButNotTheRequestThatVerifiedIt() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10, now::get);
        cache.remember(verified("token-a", now.get() + 60, "cluster:read project:read"));

        SecurityIdentity remembered = cache.find(TENANT, "token-a").orElseThrow();
        assertThat(remembered.getAttributes())
                .doesNotContainKey(RoutingContext.class.getName())
                .containsEntry(VerifiedTokenCache.TENANT_ID, TENANT);
        assertThat(remembered.checkPermissionBlocking(new StringPermission("cluster", "read")))
                .isTrue();
        assertThat(remembered.checkPermissionBlocking(new StringPermission("cluster", "write")))
                .isFalse();
        assertThat(remembered.getCredential(AccessTokenCredential.class).getToken())
                .isEqualTo("token-a");
    }

    @Test
    void aFullCacheDropsExpiredEntriesFirstAndStaysBounded() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10, now::get);
        for (int i = 0; i < 5; i++) {
            cache.remember(verified("short-" + i, now.get() + 10, "cluster:read"));
        }
        for (int i = 0; i < 5; i++) {
            cache.remember(verified("long-" + i, now.get() + 600, "cluster:read"));
        }
        now.addAndGet(10);
        cache.remember(verified("new", now.get() + 600, "cluster:read"));

        assertThat(cache.size()).isEqualTo(6);
        assertThat(cache.find(TENANT, "long-0")).isPresent();
        assertThat(cache.find(TENANT, "new")).isPresent();

        for (int i = 0; i < 100; i++) {
            cache.remember(verified("many-" + i, now.get() + 600, "cluster:read"));
            assertThat(cache.size()).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void sizeZeroRemembersNothing() {
        VerifiedTokenCache cache = new VerifiedTokenCache(0, now::get);
        cache.remember(verified("token-a", now.get() + 60, "cluster:read"));
        assertThat(cache.enabled()).isFalse();
        assertThat(cache.find(TENANT, "token-a")).isEmpty();
    }

    /** An identity as quarkus-oidc builds it for a verified access token. */
    private static SecurityIdentity verified(String token, long exp, String scope) {
        JwtClaims claims = claims(token, "sub-" + token, exp);
        claims.setClaim("scope", scope);
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new DefaultJWTCallerPrincipal(claims))
                .addCredential(new AccessTokenCredential(token))
                .addAttribute(RoutingContext.class.getName(), new Object())
                .addAttribute(VerifiedTokenCache.TENANT_ID, TENANT)
                .addPermissionsAsString(Set.of(scope.split(" ")))
                .build();
    }

    /** The claims of a verified token as quarkus-oidc hands them on, with the token itself as raw_token. */
    private static JwtClaims claims(String token, String subject, long exp) {
        JwtClaims claims = new JwtClaims();
        claims.setClaim(Claims.raw_token.name(), token);
        claims.setSubject(subject);
        claims.setExpirationTime(NumericDate.fromSeconds(exp));
        claims.setIssuedAt(NumericDate.fromSeconds(exp - 300));
        return claims;
    }
}
