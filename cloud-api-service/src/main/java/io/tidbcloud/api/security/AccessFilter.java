package io.tidbcloud.api.security;

import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.tidbcloud.api.tenant.TenantService;
import io.tidbcloud.resourceserver.revocation.RevocationGuard;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * What follows Quarkus' own checks for an endpoint that needs a token ({@link PermissionsAllowed},
 * the token's scopes being its permissions, or {@link Authenticated}): the revocation check, and
 * the caller's enrollment as a tenant (their first call creates their organization and default project).
 *
 * <p>Tokens are verified by quarkus-oidc against the realm's cached JWKS, with audience
 * {@code cloud-api}; authentication is not proactive, so its failures reach the API's exception
 * mapper like every other error.
 */
public class AccessFilter {

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    TenantService tenants;

    @Inject
    RevocationGuard revocations;

    /** Whether each resource method needs a token, read from its annotations once. */
    private final Map<Method, Boolean> needsToken = new ConcurrentHashMap<>();

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public void authorize(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        if (!needsToken.computeIfAbsent(method, m -> needsToken(m, resource.getResourceClass()))) {
            return;
        }
        // Reading the identity authenticates the request; a bad token throws AuthenticationFailedException here.
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new UnauthorizedException();
        }
        VerifiedToken verified = VerifiedToken.of(identity, token);
        // A verified token may still be revoked (logout, revocation, ended session, disabled user).
        revocations.check(verified.revocationKeys());
        Caller caller = verified.caller();
        currentCaller.set(caller, tenants.enroll(caller));
    }

    private static boolean needsToken(Method method, Class<?> type) {
        return method.isAnnotationPresent(PermissionsAllowed.class)
                || type.isAnnotationPresent(PermissionsAllowed.class)
                || method.isAnnotationPresent(Authenticated.class)
                || type.isAnnotationPresent(Authenticated.class);
    }
}
