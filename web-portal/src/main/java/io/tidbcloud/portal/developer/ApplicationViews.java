package io.tidbcloud.portal.developer;

import io.quarkus.qute.TemplateExtension;
import io.tidbcloud.contract.portal.ApplicationKind;
import io.tidbcloud.contract.portal.OAuthApplication;

/** How the developer apps page reads a registered application: {@code {#if app.isWeb}}. */
public final class ApplicationViews {

    private ApplicationViews() {}

    /** A web application: it has a secret to rotate and redirect URIs to show. */
    @TemplateExtension
    static boolean isWeb(OAuthApplication app) {
        return app.kind() == ApplicationKind.WEB;
    }
}
