package io.tidbcloud.e2e;

import static io.tidbcloud.e2e.RevocationStack.accessToken;
import static io.tidbcloud.e2e.RevocationStack.assertAccepted;
import static io.tidbcloud.e2e.RevocationStack.assertRefusedWithin;
import static io.tidbcloud.e2e.RevocationStack.refreshToken;
import static io.tidbcloud.e2e.RevocationStack.revokeAtKeycloak;
import static org.assertj.core.api.Assertions.assertThat;

import io.tidbcloud.testsupport.PrometheusText;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** RFC 7009 revocation at Keycloak, of an access token and of a refresh token. */
class TokenRevocationEndToEndTest {

    @RegisterExtension
    static final RevocationStack stack = RevocationStack.withApiInstances(1);

    @TempDir
    Path tempDir;

    @Test
    void revokedAccessTokenIsRefusedWithinOneSecond() throws Exception {
        TicloudCli ticloud = new TicloudCli(tempDir.resolve("ticloud"), stack.apiUrl());
        DeviceLogin.signIn(ticloud, "google", "alice", "alice-pass");
        String token = accessToken(ticloud);
        assertAccepted(stack.apiUrl(), token);

        long revoked = revokeAtKeycloak(token, "access_token");

        assertRefusedWithin(stack.apiUrl(), token, revoked, RevocationStack.WITHIN);
    }

    @Test
    void aRevocationShowsOnTheMetricsOfTheFeedAndOfTheApiThatRefusedTheToken() throws Exception {
        TicloudCli ticloud = new TicloudCli(tempDir.resolve("metrics"), stack.apiUrl());
        DeviceLogin.signIn(ticloud, "google", "alice", "alice-pass");
        String token = accessToken(ticloud);
        assertAccepted(stack.apiUrl(), token);
        PrometheusText apiBefore = scrape(stack.apiUrl());

        long revoked = revokeAtKeycloak(token, "access_token");
        assertRefusedWithin(stack.apiUrl(), token, revoked, RevocationStack.WITHIN);

        PrometheusText api = scrape(stack.apiUrl());
        assertThat(api.valueOrZero("tidbcloud_revocation_feed_connected", Map.of()))
                .isEqualTo(1);
        assertThat(api.valueOrZero("tidbcloud_revocation_deny_set_entries", Map.of()))
                .isGreaterThanOrEqualTo(1);
        assertThat(increase(apiBefore, api, "tidbcloud_revocation_feed_events_total", Map.of()))
                .isGreaterThanOrEqualTo(1);
        assertThat(increase(apiBefore, api, "tidbcloud_revocation_feed_event_lag_seconds_count", Map.of()))
                .as("the revocation arrived live, its lag measured")
                .isGreaterThanOrEqualTo(1);
        assertThat(api.valueOrZero("tidbcloud_revocation_feed_event_lag_seconds_max", Map.of()))
                .as("Keycloak's event_timestamp has whole seconds: the lag reads at most a second more")
                .isLessThan(3);
        assertThat(api.valueOrZero("tidbcloud_revocation_feed_staleness_seconds", Map.of()))
                .isLessThanOrEqualTo(api.valueOrZero("tidbcloud_revocation_feed_staleness_bound_seconds", Map.of()));
        assertThat(increase(apiBefore, api, "tidbcloud_tokens_rejected_total", Map.of("reason", "revoked")))
                .isGreaterThanOrEqualTo(1);

        PrometheusText feed = scrape(stack.authServiceUrl());
        assertThat(feed.valueOrZero("tidbcloud_revocation_feed_subscribers", Map.of()))
                .as("the API instance's subscription")
                .isGreaterThanOrEqualTo(1);
        assertThat(feed.valueOrZero("tidbcloud_revocation_events_stored", Map.of()))
                .isGreaterThanOrEqualTo(1);
    }

    private static PrometheusText scrape(String serviceUrl) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(serviceUrl + "/q/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        return new PrometheusText(metrics.body());
    }

    private static double increase(
            PrometheusText before, PrometheusText after, String name, Map<String, String> labels) {
        return after.valueOrZero(name, labels) - before.valueOrZero(name, labels);
    }

    @Test
    void revokingTheRefreshTokenMakesTheClientsAccessTokenRefusedWithinOneSecond() throws Exception {
        TicloudCli ticloud = new TicloudCli(tempDir.resolve("ticloud"), stack.apiUrl());
        DeviceLogin.signIn(ticloud, "google", "alice", "alice-pass");
        String token = accessToken(ticloud);
        assertAccepted(stack.apiUrl(), token);

        long revoked = revokeAtKeycloak(refreshToken(ticloud), "refresh_token");

        assertRefusedWithin(stack.apiUrl(), token, revoked, RevocationStack.WITHIN);
    }
}
