package io.tidbcloud.cli.auth;

import io.tidbcloud.cli.http.HttpTransport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tidbcloud.cli.testing.HttpStub;
import io.tidbcloud.cli.testing.HttpStub.Response;
import io.tidbcloud.cli.testing.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenRevocationTest {

    private static final String PATH = "/realms/tidbcloud/protocol/openid-connect/revoke";

    private final HttpStub stub = new HttpStub();
    private final TokenRevocation revocation = new TokenRevocation(new OAuthHttp(HttpTransport.quiet(HttpClient.newHttpClient())),
            URI.create(stub.base() + PATH), "ticloud-cli");

    @AfterEach
    void close() {
        stub.close();
    }

    @Test
    void refreshTokenIsRevokedWithItsTypeHintAndClientId() throws Exception {
        stub.on("POST", PATH, Response.json(200, ""));

        revocation.revokeRefreshToken("rt-1");

        assertEquals(Map.of("token", "rt-1", "token_type_hint", "refresh_token", "client_id", "ticloud-cli"),
                stub.requests().get(0).form());
        stub.verifyAllUsed();
    }

    @Test
    void accessTokenIsRevokedWithItsTypeHint() throws Exception {
        stub.on("POST", PATH, Response.json(200, ""));

        revocation.revokeAccessToken("at-1");

        assertEquals(Map.of("token", "at-1", "token_type_hint", "access_token", "client_id", "ticloud-cli"),
                stub.requests().get(0).form());
        stub.verifyAllUsed();
    }

    @Test
    void refusalRaisesTheOAuthErrorCode() {
        stub.on("POST", PATH, Tokens.oauthError(503, "temporarily_unavailable", "try later"));

        OAuthProtocolException e = assertThrows(OAuthProtocolException.class,
                () -> revocation.revokeAccessToken("at-1"));

        assertEquals("temporarily_unavailable", e.error());
        assertEquals(503, e.httpStatus());
    }
}
