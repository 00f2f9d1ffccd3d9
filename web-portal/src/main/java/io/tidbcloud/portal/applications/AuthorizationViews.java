package io.tidbcloud.portal.applications;

import io.quarkus.qute.TemplateExtension;
import io.tidbcloud.contract.portal.Authorization;

/** How the applications pages name an authorized application: {@code {authorization.displayName}}. */
public final class AuthorizationViews {

    private AuthorizationViews() {}

    /** The name to show; the client id when the application has none. */
    @TemplateExtension
    static String displayName(Authorization authorization) {
        String name = authorization.name();
        return name == null || name.isBlank() ? authorization.clientId() : name;
    }
}
