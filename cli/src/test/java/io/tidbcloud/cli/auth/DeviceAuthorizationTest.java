package io.tidbcloud.cli.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tidbcloud.cli.http.HttpTransport;
import io.tidbcloud.cli.testing.HttpStub;
import io.tidbcloud.cli.testing.HttpStub.Response;
import io.tidbcloud.cli.testing.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeviceAuthorizationTest {

    private static final String PATH = "/realms/tidbcloud/protocol/openid-connect/auth/device";

    @RegisterExtension
    final HttpStub stub = new HttpStub();

    private final DeviceAuthorization deviceAuthorization = new DeviceAuthorization(
            new OAuthHttp(HttpTransport.quiet(HttpClient.newHttpClient())),
            URI.create(stub.base() + PATH),
            "ticloud-cli");

    @Test
    void requestSendsClientIdAndScopesAndReturnsTheCodes() throws Exception {
        stub.on("POST", PATH, Response.json(200, """
                {"device_code":"dc-1","user_code":"WDJB-MJHT","verification_uri":"http://kc/realms/t/device",
                 "verification_uri_complete":"http://kc/realms/t/device?user_code=WDJB-MJHT",
                 "expires_in":600,"interval":5}"""));

        DeviceCode code = deviceAuthorization.request(List.of("openid", "project:read"), Optional.empty());

        assertEquals(
                new DeviceCode(
                        "dc-1",
                        "WDJB-MJHT",
                        URI.create("http://kc/realms/t/device"),
                        URI.create("http://kc/realms/t/device?user_code=WDJB-MJHT"),
                        Duration.ofSeconds(600),
                        Duration.ofSeconds(5)),
                code);
        HttpStub.Request request = stub.requests().get(0);
        assertEquals(
                "application/x-www-form-urlencoded",
                request.header("Content-type").split(";")[0]);
        assertEquals("ticloud-cli", request.form().get("client_id"));
        assertEquals("openid project:read", request.form().get("scope"));
        assertFalse(request.form().containsKey("kc_idp_hint"));
        stub.verifyAllUsed();
    }

    @Test
    void idpHintIsSentAsKcIdpHint() throws Exception {
        stub.on("POST", PATH, Response.json(200, """
                {"device_code":"dc-1","user_code":"WDJB-MJHT","verification_uri":"http://kc/device",
                 "expires_in":600,"interval":5}"""));

        deviceAuthorization.request(List.of("openid"), Optional.of("google"));

        assertEquals("google", stub.requests().get(0).form().get("kc_idp_hint"));
        stub.verifyAllUsed();
    }

    @Test
    void responseWithoutIntervalMeansFiveSeconds() throws Exception {
        stub.on("POST", PATH, Response.json(200, """
                {"device_code":"dc-1","user_code":"WDJB-MJHT","verification_uri":"http://kc/device","expires_in":600}"""));

        DeviceCode code = deviceAuthorization.request(List.of("openid"), Optional.empty());

        assertEquals(Duration.ofSeconds(5), code.interval());
    }

    @Test
    void errorResponseRaisesItsOAuthErrorCode() {
        stub.on(
                "POST",
                PATH,
                Tokens.oauthError(
                        400,
                        "unauthorized_client",
                        "Client is not allowed to initiate OAuth 2.0 Device Authorization Grant."));

        OAuthProtocolException e = assertThrows(
                OAuthProtocolException.class, () -> deviceAuthorization.request(List.of("openid"), Optional.empty()));

        assertEquals("unauthorized_client", e.error());
        assertEquals("Client is not allowed to initiate OAuth 2.0 Device Authorization Grant.", e.description());
        assertEquals(400, e.httpStatus());
    }

    @Test
    void htmlNotFoundFromAWrongRealmUrlIsAnInvalidResponse() {
        stub.on("POST", PATH, Response.html(404, "<html>Page not found</html>"));

        OAuthProtocolException e = assertThrows(
                OAuthProtocolException.class, () -> deviceAuthorization.request(List.of("openid"), Optional.empty()));

        assertEquals("invalid_response", e.error());
        assertEquals("unexpected HTTP 404 answer from " + stub.base() + PATH, e.description());
    }
}
