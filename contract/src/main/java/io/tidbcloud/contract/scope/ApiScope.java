package io.tidbcloud.contract.scope;

import java.util.Optional;

/**
 * The cloud API's OAuth scopes, each with the consent text a person reads before granting it
 * (ARCHITECTURE.md, "Realm tidbcloud"). The {@code *_VALUE} constants are the same strings as
 * compile-time constants, for annotations.
 */
public enum ApiScope {
    PROJECT_READ(ApiScope.PROJECT_READ_VALUE, "View your projects"),
    PROJECT_WRITE(ApiScope.PROJECT_WRITE_VALUE, "Manage your projects"),
    CLUSTER_READ(ApiScope.CLUSTER_READ_VALUE, "View your clusters"),
    CLUSTER_WRITE(ApiScope.CLUSTER_WRITE_VALUE, "Manage your clusters");

    public static final String PROJECT_READ_VALUE = "project:read";
    public static final String PROJECT_WRITE_VALUE = "project:write";
    public static final String CLUSTER_READ_VALUE = "cluster:read";
    public static final String CLUSTER_WRITE_VALUE = "cluster:write";

    private final String value;
    private final String consentText;

    ApiScope(String value, String consentText) {
        this.value = value;
        this.consentText = consentText;
    }

    /** The scope as it appears in a token's {@code scope} claim and in requests. */
    public String value() {
        return value;
    }

    /** What the person grants, in their words ("View your projects"). */
    public String consentText() {
        return consentText;
    }

    /** The API scope of that name; empty for any other scope ({@code openid}, {@code email}, ...). */
    public static Optional<ApiScope> fromValue(String value) {
        for (ApiScope scope : values()) {
            if (scope.value.equals(value)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
