package io.tidbcloud.observability;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every HTTP request an id: the caller's {@code X-Request-Id} when it is a sane value (at most
 * {@value #MAX_LENGTH} characters of letters, digits, {@code . _ : -}), else a new random UUID. The
 * id is in the MDC (key {@value #MDC_KEY}) of every log line written for the request, and returned
 * in the response's {@code X-Request-Id}, so that a user's report, the proxy's log and ours meet.
 *
 * <p>A route filter ahead of everything else, on the request's event loop. Quarkus runs each request
 * on a duplicated Vert.x context and keeps the MDC there (VertxMDC), so the id follows the request
 * onto worker threads and back without a thread-local to clear; the JSON log format prints the MDC
 * of each line under {@code mdc}. A value outside the bounds is replaced, never echoed: it could
 * forge log lines or carry a secret the caller pasted there.
 */
@ApplicationScoped
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    static final int MAX_LENGTH = 64;
    /** Ahead of Quarkus' own filters (CORS, security headers), so that their log lines carry the id too. */
    static final int PRIORITY = 10_000;

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    void register(@Observes Filters filters) {
        filters.register(this::tag, PRIORITY);
    }

    void tag(RoutingContext request) {
        String id = accepted(request.request().getHeader(HEADER))
                .orElseGet(() -> UUID.randomUUID().toString());
        MDC.put(MDC_KEY, id);
        request.put(MDC_KEY, id);
        request.response().putHeader(HEADER, id);
        request.next();
    }

    /** The caller's id when it is within the bounds. */
    static Optional<String> accepted(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? Optional.of(offered) : Optional.empty();
    }
}
