package io.tidbcloud.cli.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tidbcloud.cli.http.HttpTransport;
import io.tidbcloud.cli.testing.FakeClock;
import io.tidbcloud.cli.testing.HttpStub;
import io.tidbcloud.cli.testing.HttpStub.Response;
import io.tidbcloud.cli.testing.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every RFC 8628 section 3.5 outcome, against a stub token endpoint, with a fake clock. */
class DeviceFlowTest {

    private static final String TOKEN_PATH = "/realms/tidbcloud/protocol/openid-connect/token";
    private static final DeviceCode CODE = new DeviceCode(
            "dc-1",
            "WDJB-MJHT",
            URI.create("http://kc/device"),
            URI.create("http://kc/device?user_code=WDJB-MJHT"),
            Duration.ofSeconds(600),
            Duration.ofSeconds(5));

    @RegisterExtension
    final HttpStub stub = new HttpStub();

    private final FakeClock clock = FakeClock.at("2026-01-01T00:00:00Z");
    private final DeviceFlow flow = new DeviceFlow(
            new DeviceAccessTokenRequest(
                    new OAuthHttp(HttpTransport.quiet(HttpClient.newHttpClient())),
                    URI.create(stub.base() + TOKEN_PATH),
                    "ticloud-cli"),
            clock,
            clock.sleeper());

    private static Response pending() {
        return Tokens.oauthError(400, "authorization_pending", "The authorization request is still pending");
    }

    @Test
    void pendingThenApprovedPollsAtTheIntervalAndReturnsTheTokens() throws Exception {
        stub.on("POST", TOKEN_PATH, pending(), pending(), Tokens.tokenResponse("at-1", "rt-1", "alice@example.com"));

        DeviceFlow.Outcome outcome = flow.await(CODE);

        IssuedTokens tokens =
                assertInstanceOf(DeviceFlow.Outcome.Granted.class, outcome).tokens();
        assertEquals("at-1", tokens.accessToken());
        assertEquals("rt-1", tokens.refreshToken());
        assertEquals(Duration.ofSeconds(300), tokens.expiresIn());
        assertEquals("openid project:read project:write", tokens.scope());
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5)), clock.sleeps());
        assertEquals(
                Map.of(
                        "grant_type",
                        "urn:ietf:params:oauth:grant-type:device_code",
                        "device_code",
                        "dc-1",
                        "client_id",
                        "ticloud-cli"),
                stub.requests().get(0).form());
        stub.verifyAllUsed();
    }

    @Test
    void slowDownAddsFiveSecondsToThatAndEveryLaterPoll() throws Exception {
        stub.on(
                "POST",
                TOKEN_PATH,
                pending(),
                Tokens.oauthError(400, "slow_down", "Slow down"),
                pending(),
                Tokens.oauthError(400, "slow_down", "Slow down"),
                Tokens.tokenResponse("at-1", "rt-1", "a@b.c"));

        assertInstanceOf(DeviceFlow.Outcome.Granted.class, flow.await(CODE));

        assertEquals(
                List.of(5L, 5L, 10L, 10L, 15L),
                clock.sleeps().stream().map(Duration::toSeconds).toList());
        stub.verifyAllUsed();
    }

    @Test
    void accessDeniedEndsTheFlowAsDenied() throws Exception {
        stub.on("POST", TOKEN_PATH, pending(), Tokens.oauthError(400, "access_denied", "Consent denied"));

        assertInstanceOf(DeviceFlow.Outcome.Denied.class, flow.await(CODE));
        stub.verifyAllUsed();
    }

    @Test
    void expiredTokenFromTheServerEndsTheFlowAsExpired() throws Exception {
        stub.on("POST", TOKEN_PATH, pending(), Tokens.oauthError(400, "expired_token", "Device code is expired"));

        assertInstanceOf(DeviceFlow.Outcome.Expired.class, flow.await(CODE));
        stub.verifyAllUsed();
    }

    @Test
    void serverThatStillSaysPendingAnIntervalPastTheCodesTimeEndsTheFlowAsExpired() throws Exception {
        stub.on("POST", TOKEN_PATH, pending(), pending(), pending(), pending());

        assertInstanceOf(DeviceFlow.Outcome.Expired.class, flow.await(shortLived()));

        // a 12 s code polled every 5 s: at 5, 10 and 15 s, then at 20 s, an interval past its time, the last
        assertEquals(
                List.of(5L, 5L, 5L, 5L),
                clock.sleeps().stream().map(Duration::toSeconds).toList());
        stub.verifyAllUsed();
    }

    @Test
    void codeWhoseTimeRunsOutEndsWithTheServersExpiredToken() throws Exception {
        stub.on(
                "POST",
                TOKEN_PATH,
                pending(),
                pending(),
                Tokens.oauthError(400, "expired_token", "Device code is expired"));

        assertInstanceOf(DeviceFlow.Outcome.Expired.class, flow.await(shortLived()));

        assertEquals(
                List.of(5L, 5L, 5L),
                clock.sleeps().stream().map(Duration::toSeconds).toList());
        stub.verifyAllUsed();
    }

    @Test
    void codeApprovedInItsLastSecondsIsGranted() throws Exception {
        stub.on("POST", TOKEN_PATH, pending(), pending(), Tokens.tokenResponse("at-1", "rt-1", "a@b.c"));

        assertInstanceOf(DeviceFlow.Outcome.Granted.class, flow.await(shortLived()));
        stub.verifyAllUsed();
    }

    @Test
    void serverThatCannotBeReachedAtTheLastPollEndsTheFlowAsExpired() throws Exception {
        stub.on("POST", TOKEN_PATH, pending(), pending(), pending(), Response.drop());

        assertInstanceOf(DeviceFlow.Outcome.Expired.class, flow.await(shortLived()));
        stub.verifyAllUsed();
    }

    private static DeviceCode shortLived() {
        return new DeviceCode(
                "dc-1",
                "WDJB-MJHT",
                CODE.verificationUri(),
                CODE.verificationUriComplete(),
                Duration.ofSeconds(12),
                Duration.ofSeconds(5));
    }

    @Test
    void unreachableTokenEndpointIsRetriedWithGrowingBackoff() throws Exception {
        stub.on(
                "POST",
                TOKEN_PATH,
                Response.drop(),
                Response.drop(),
                pending(),
                Tokens.tokenResponse("at-1", "rt-1", "a@b.c"));

        assertInstanceOf(DeviceFlow.Outcome.Granted.class, flow.await(CODE));

        // interval 5, then 5 + 5 and 5 + 10 after the failures, back to 5 after an answer
        assertEquals(
                List.of(5L, 10L, 15L, 5L),
                clock.sleeps().stream().map(Duration::toSeconds).toList());
        stub.verifyAllUsed();
    }

    @Test
    void anyOtherErrorEndsTheFlowWithItsCode() {
        stub.on("POST", TOKEN_PATH, Tokens.oauthError(400, "invalid_grant", "Device code not valid"));

        OAuthProtocolException e = assertThrows(OAuthProtocolException.class, () -> flow.await(CODE));

        assertEquals("invalid_grant", e.error());
        assertEquals("invalid_grant (Device code not valid)", e.describe());
    }
}
