package io.tidbcloud.api.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Answers a bearer token that {@link VerifiedTokenCache} remembers, ahead of quarkus-oidc's own
 * provider; for any other token it answers nothing, and quarkus-oidc verifies it as usual.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    VerifiedTokenCache cache;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!cache.enabled() || !(request.getToken() instanceof AccessTokenCredential token)) {
            return Uni.createFrom().nullItem();
        }
        return cache.find(HttpSecurityUtils.getRoutingContextAttribute(request), token.getToken())
                .map(remembered ->
                        Uni.createFrom().<SecurityIdentity>item(forThisRequest(remembered, request, context)))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    /** The remembered identity with this request's attributes, as quarkus-oidc would set them. */
    private static SecurityIdentity forThisRequest(
            SecurityIdentity remembered, TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
        return QuarkusSecurityIdentity.builder(remembered)
                .addAttribute(RoutingContext.class.getName(), routingContext)
                .addAttribute(AuthenticationRequestContext.class.getName(), context)
                .addAttribute(VerifiedTokenCache.FROM_CACHE, Boolean.TRUE)
                .build();
    }

    /** Before quarkus-oidc's provider (system providers are at most {@link #SYSTEM_FIRST}). */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 100;
    }
}
