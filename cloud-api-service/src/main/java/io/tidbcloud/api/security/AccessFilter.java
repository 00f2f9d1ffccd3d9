package io.tidbcloud.api.security;

import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.tidbcloud.resourceserver.error.InsufficientScopeException;
import io.tidbcloud.resourceserver.revocation.RevocationGuard;
import io.tidbcloud.api.tenant.TenantService;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The one place where requests are authorized: an endpoint marked {@link RequiresScope} (or
 * {@link Authenticated}) needs a valid bearer token, and the scope it names. An authorized caller
 * is then enrolled as a tenant (their first call creates their organization and default project).
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

    /** Resolvable only in the benchmark's build (authorization off); see {@link BenchModeCaller}. */
    @Inject
    Instance<BenchModeCaller> benchMode;

    private volatile Boolean benchBuild;

    /** What each resource method needs, read from its annotations once. */
    private final Map<Method, Requirement> requirements = new ConcurrentHashMap<>();

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public void authorize(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Requirement required = requirements.computeIfAbsent(method, m -> Requirement.of(m, resource.getResourceClass()));
        if (!required.token()) {
            return;
        }
        if (isBenchBuild()) {
            Caller caller = benchMode.get().caller();
            currentCaller.set(caller, tenants.enroll(caller));
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
        if (required.scope() != null && !caller.hasScope(required.scope())) {
            throw new InsufficientScopeException(required.scope());
        }
        currentCaller.set(caller, tenants.enroll(caller));
    }

    private boolean isBenchBuild() {
        Boolean bench = benchBuild;
        if (bench == null) {
            bench = benchMode.isResolvable();
            benchBuild = bench;
        }
        return bench;
    }

    /** Whether a resource method needs a token ({@link RequiresScope} or {@link Authenticated}), and which scope. */
    private record Requirement(boolean token, String scope) {

        static Requirement of(Method method, Class<?> type) {
            RequiresScope scope = method.getAnnotation(RequiresScope.class);
            if (scope == null) {
                scope = type.getAnnotation(RequiresScope.class);
            }
            boolean token = scope != null
                    || method.isAnnotationPresent(Authenticated.class)
                    || type.isAnnotationPresent(Authenticated.class);
            return new Requirement(token, scope == null ? null : scope.value());
        }
    }
}
