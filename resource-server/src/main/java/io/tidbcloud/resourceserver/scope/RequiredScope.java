package io.tidbcloud.resourceserver.scope;

import io.quarkus.security.PermissionsAllowed;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The OAuth scope an endpoint needs, read from its {@link PermissionsAllowed} annotation (on the
 * method, else on its class). quarkus-oidc grants a verified token one permission per entry of its
 * {@code scope} claim, so {@code @PermissionsAllowed("cluster:read")} is the scope check itself;
 * this reads the same annotation back for the {@code insufficient_scope} challenge and the OpenAPI
 * document. An endpoint names one scope (RFC 6750's {@code scope} attribute lists what it needs).
 */
public final class RequiredScope {

    private RequiredScope() {}

    public static Optional<String> of(Method method, Class<?> resource) {
        PermissionsAllowed allowed = method == null ? null : method.getAnnotation(PermissionsAllowed.class);
        if (allowed == null && resource != null) {
            allowed = resource.getAnnotation(PermissionsAllowed.class);
        }
        return allowed == null || allowed.value().length == 0 ? Optional.empty() : Optional.of(allowed.value()[0]);
    }
}
