package io.tidbcloud.resourceserver.token;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * RFC 6750 section 3.1 {@code invalid_request}: a request that repeats the {@code Authorization}
 * header is refused before anything reads a token from it. quarkus-oidc reads the first header
 * and ignores the rest, so a request carrying a valid token and a forged one was served as the
 * first; which token a request stands for must never depend on header order.
 */
public class OneAuthorizationHeader {

    @ServerRequestFilter(preMatching = true)
    public void refuseRepeatedAuthorization(ContainerRequestContext request) {
        List<String> values = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (values != null && values.size() > 1) {
            throw new InvalidBearerRequestException("The request carries more than one Authorization header");
        }
    }
}
