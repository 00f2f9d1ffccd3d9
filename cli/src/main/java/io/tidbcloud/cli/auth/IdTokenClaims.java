package io.tidbcloud.cli.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.util.Optional;

/**
 * Reads who signed in from the ID token. The token came straight from the
 * token endpoint, so per OpenID Connect Core 3.1.3.7 the transport vouches
 * for it; it is only used to greet the person, never to authorize anything.
 */
final class IdTokenClaims {

    private IdTokenClaims() {}

    /** Who the ID token names; empty fields when it is absent or unreadable. */
    record Identity(String email, String name, String subject) {}

    static Identity identity(String idToken) {
        if (idToken == null) {
            return new Identity(null, null, null);
        }
        try {
            JWTClaimsSet claims = JWTParser.parse(idToken).getJWTClaimsSet();
            String name = text(claims, "name");
            if (name == null && (text(claims, "given_name") != null || text(claims, "family_name") != null)) {
                name = String.join(
                        " ",
                        java.util.stream.Stream.of(text(claims, "given_name"), text(claims, "family_name"))
                                .filter(java.util.Objects::nonNull)
                                .toList());
            }
            return new Identity(text(claims, "email"), name, claims.getSubject());
        } catch (java.text.ParseException notAJwt) {
            return new Identity(null, null, null);
        }
    }

    private static String text(JWTClaimsSet claims, String claim) {
        Object value = claims.getClaim(claim);
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    /** email, else preferred_username, else sub. */
    static Optional<String> displayName(String... jwts) {
        for (String jwt : jwts) {
            if (jwt == null) {
                continue;
            }
            try {
                JWTClaimsSet claims = JWTParser.parse(jwt).getJWTClaimsSet();
                for (String claim : new String[] {"email", "preferred_username", "sub"}) {
                    Object value = claims.getClaim(claim);
                    if (value instanceof String text && !text.isBlank()) {
                        return Optional.of(text);
                    }
                }
            } catch (java.text.ParseException notAJwt) {
                // an opaque token: try the next one
            }
        }
        return Optional.empty();
    }
}
