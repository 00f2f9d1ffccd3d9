package io.tidbcloud.api.openapi;

import io.tidbcloud.api.cluster.ClusterResource;
import io.tidbcloud.api.project.ProjectResource;
import io.tidbcloud.api.region.RegionResource;
import io.tidbcloud.resourceserver.scope.RequiredScope;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Names in the OpenAPI document the scope each operation needs, read ({@link RequiredScope}) from
 * the same {@code @PermissionsAllowed} annotations that Quarkus enforces: the operation's security
 * requirement lists it ({@code bearer: [cluster:read]}) and {@code x-required-scope} repeats it.
 */
public class ScopeOpenApiFilter implements OASFilter {

    public static final String SCHEME = "bearer";
    public static final String EXTENSION = "x-required-scope";
    private static final List<Class<?>> RESOURCES =
            List.of(ProjectResource.class, ClusterResource.class, RegionResource.class);

    private final Map<String, String> scopeByOperationId = scopes();

    @Override
    public Operation filterOperation(Operation operation) {
        String scope = scopeByOperationId.get(operation.getOperationId());
        if (scope != null) {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME, scope)));
            operation.addExtension(EXTENSION, scope);
        }
        return operation;
    }

    private static Map<String, String> scopes() {
        Map<String, String> scopes = new HashMap<>();
        for (Class<?> resource : RESOURCES) {
            for (Method method : resource.getDeclaredMethods()) {
                var operation = method.getAnnotation(org.eclipse.microprofile.openapi.annotations.Operation.class);
                if (operation != null && !operation.operationId().isEmpty()) {
                    RequiredScope.of(method, resource).ifPresent(scope -> scopes.put(operation.operationId(), scope));
                }
            }
        }
        return scopes;
    }
}
