package io.tidbcloud.portal.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A page that says what went wrong when a form is larger than the portal takes
 * ({@code quarkus.http.limits.max-body-size}). Vert.x refuses such a request with an empty 413
 * before any resource runs; a body whose {@code Content-Length} announces it too large (browsers
 * always announce a form's length) is answered here first, with the page. The limit on one field
 * ({@code max-form-attribute-size}) is set to the body's, so that a long field reaches the page's
 * own rules and gets their message.
 */
@ApplicationScoped
public class TooLargeRequestPage {

    static final int TOO_LARGE = 413;

    private final long maxBodySize;

    TooLargeRequestPage(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseAnnouncedTooLarge);
    }

    private void refuseAnnouncedTooLarge(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isLongerThan(length, maxBodySize)) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            answer(context);
            return;
        }
        context.next();
    }

    private void answer(RoutingContext context) {
        context.response()
                .setStatusCode(TOO_LARGE)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(ErrorPages.Templates.message(
                                "Too large",
                                "What you sent is too large: a form can hold at most " + kilobytes(maxBodySize)
                                        + " KB. Shorten it and try again.")
                        .render());
    }

    private static boolean isLongerThan(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException malformed) {
            return false;
        }
    }

    private static long kilobytes(long bytes) {
        return bytes / 1024;
    }
}
