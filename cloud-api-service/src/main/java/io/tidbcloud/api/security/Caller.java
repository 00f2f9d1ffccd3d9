package io.tidbcloud.api.security;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who calls: the token's subject (the tenant key) and its scopes, plus the names a first call
 * uses to label the new organization.
 */
public record Caller(String subject, Set<String> scopes, String displayName) {

    static Caller from(JsonWebToken token) {
        String scope = token.getClaim("scope");
        Set<String> scopes = scope == null
                ? Set.of()
                : Arrays.stream(scope.trim().split("\\s+"))
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
        return new Caller(
                token.getSubject(),
                scopes,
                firstPresent(token.getClaim("email"), token.getClaim("preferred_username"), token.getSubject()));
    }

    private static String firstPresent(Object... values) {
        for (Object value : values) {
            if (value != null && !value.toString().isBlank()) {
                return value.toString();
            }
        }
        return "unknown";
    }
}
