package io.tidbcloud.cli.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tidbcloud.cli.http.HttpTransport;
import io.tidbcloud.cli.testing.HttpStub;
import io.tidbcloud.cli.testing.HttpStub.Response;
import io.tidbcloud.cli.testing.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokenRevocationTest {

    private static final String PATH = "/realms/tidbcloud/protocol/openid-connect/revoke";

    @RegisterExtension
    final HttpStub stub = new HttpStub();

    private final TokenRevocation revocation = new TokenRevocation(
            new OAuthHttp(HttpTransport.quiet(HttpClient.newHttpClient())),
            URI.create(stub.base() + PATH),
            "ticloud-cli");

    /** One of the two revocation calls, as the method reference names it. */
    private interface Revoke {
        void revoke(String token) throws Exception;
    }

    /** Revokes {@code token} against a server that accepts it, and returns the form the server received. */
    private Map<String, String> formSentToAnAcceptingServer(Revoke revoke, String token) throws Exception {
        stub.on("POST", PATH, Response.json(200, ""));
        revoke.revoke(token);
        return stub.requests().get(0).form();
    }

    @Test
    void refreshTokenIsRevokedWithItsTypeHintAndClientId() throws Exception {
        assertEquals(
                Map.of("token", "rt-1", "token_type_hint", "refresh_token", "client_id", "ticloud-cli"),
                formSentToAnAcceptingServer(revocation::revokeRefreshToken, "rt-1"));
        stub.verifyAllUsed();
    }

    @Test
    void accessTokenIsRevokedWithItsTypeHint() throws Exception {
        assertEquals(
                Map.of("token", "at-1", "token_type_hint", "access_token", "client_id", "ticloud-cli"),
                formSentToAnAcceptingServer(revocation::revokeAccessToken, "at-1"));
        stub.verifyAllUsed();
    }

    @Test
    void refusalRaisesTheOAuthErrorCode() {
        stub.on("POST", PATH, Tokens.oauthError(503, "temporarily_unavailable", "try later"));

        OAuthProtocolException e =
                assertThrows(OAuthProtocolException.class, () -> revocation.revokeAccessToken("at-1"));

        assertEquals("temporarily_unavailable", e.error());
        assertEquals(503, e.httpStatus());
    }
}
