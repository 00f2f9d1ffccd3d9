package io.tidbcloud.keycloak.consent;

import io.tidbcloud.contract.scope.ApiScope;

/** One line of the scope-selection page, as its FreeMarker template reads it (JavaBean getters). */
public final class ScopeOption {

    private final ApiScope scope;
    private final boolean ticked;

    ScopeOption(ApiScope scope, boolean ticked) {
        this.scope = scope;
        this.ticked = ticked;
    }

    /** The {@code grant_scope} checkbox value: the scope as tokens carry it. */
    public String getValue() {
        return scope.value();
    }

    /** The consent text, in the person's words ("View your projects"). */
    public String getText() {
        return scope.consentText();
    }

    public boolean isTicked() {
        return ticked;
    }
}
