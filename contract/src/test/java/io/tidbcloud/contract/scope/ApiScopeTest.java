package io.tidbcloud.contract.scope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiScopeTest {

    @Test
    void theFourApiScopesWithTheirConsentTexts() {
        assertThat(ApiScope.values())
                .extracting(ApiScope::value, ApiScope::consentText)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("project:read", "View your projects"),
                        org.assertj.core.groups.Tuple.tuple("project:write", "Manage your projects"),
                        org.assertj.core.groups.Tuple.tuple("cluster:read", "View your clusters"),
                        org.assertj.core.groups.Tuple.tuple("cluster:write", "Manage your clusters"));
    }

    @Test
    void otherScopesAreNoApiScopes() {
        assertThat(ApiScope.fromValue("cluster:write")).contains(ApiScope.CLUSTER_WRITE);
        assertThat(ApiScope.fromValue("openid")).isEmpty();
        assertThat(ApiScope.fromValue(null)).isEmpty();
    }
}
