package io.tidbcloud.portal.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The security headers of every response, pages, stylesheet and sign-in redirects alike.
 *
 * <p>The Content-Security-Policy allows scripts, styles and images only from the portal itself
 * (there is no script at all; nothing inline), forbids framing and plugins, and lets forms post
 * only to the portal and to Keycloak: the sign-out and device-activation posts answer with a
 * redirect to Keycloak, and Chromium applies {@code form-action} to the redirects of a form post.
 * Pages may hold secrets (a new client secret) and personal data, so nothing is cached except the
 * stylesheet.
 */
@ApplicationScoped
public class SecurityHeaders {

    private final String contentSecurityPolicy;

    SecurityHeaders(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl) {
        this.contentSecurityPolicy = policy(origin(realmUrl));
    }

    /** The policy for a portal whose sign-in server has this origin. */
    public static String policy(String keycloakOrigin) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "frame-ancestors 'none'; form-action 'self' " + keycloakOrigin
                + "; base-uri 'none'; object-src 'none'";
    }

    /** {@code scheme://host[:port]} of a URL. */
    public static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** First of all routes, so that the sign-in redirects of quarkus-oidc carry the headers too. */
    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::addHeaders);
    }

    void addHeaders(RoutingContext context) {
        MultiMap headers = context.response().headers();
        headers.set("Content-Security-Policy", contentSecurityPolicy);
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        if (!context.normalizedPath().startsWith("/css/")) {
            headers.set("Cache-Control", "no-store");
        }
        context.next();
    }
}
