package io.tidbcloud.cli.testing;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;

/** Token endpoint answers for tests. */
public final class Tokens {

    private Tokens() {}

    /** An unsigned ID token naming the person: enough for a client that only reads who signed in. */
    public static String idToken(String email) {
        return new PlainJWT(new JWTClaimsSet.Builder()
                        .subject("user-1")
                        .claim("email", email)
                        .build())
                .serialize();
    }

    public static HttpStub.Response tokenResponse(String accessToken, String refreshToken, String email) {
        return tokenResponse(accessToken, refreshToken, email, 300);
    }

    /** As Keycloak answers for a client whose access tokens live {@code expiresInSeconds}. */
    public static HttpStub.Response tokenResponse(
            String accessToken, String refreshToken, String email, long expiresInSeconds) {
        return HttpStub.Response.json(200, """
                {"access_token":"%s","token_type":"Bearer","expires_in":%d,"refresh_expires_in":1800,
                 "refresh_token":"%s","id_token":"%s","scope":"openid project:read project:write"}
                """.formatted(accessToken, expiresInSeconds, refreshToken, idToken(email)));
    }

    public static HttpStub.Response oauthError(int status, String error, String description) {
        return HttpStub.Response.json(
                status, "{\"error\":\"%s\",\"error_description\":\"%s\"}".formatted(error, description));
    }
}
