import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;

/**
 * After a revocation: asks the API every 5 ms with the revoked token until it answers 401 with
 * {@code error="invalid_token"}, and records the time since Keycloak answered the revocation. Its own
 * connection, so that the probe does not queue behind the client's; its requests are not timed as API
 * calls.
 */
final class RevocationProbe {

    /** Past this the revocation counts as never enforced. */
    private static final long GIVE_UP_NANOS = 10_000_000_000L;

    private final Settings settings;
    private final Http http;
    private final HttpClient probe = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Http.TIMEOUT)
            .build();

    RevocationProbe(Settings settings, Http http) {
        this.settings = settings;
        this.http = http;
    }

    private static Instant revokedAtWallClock(long revokedAt) {
        return Instant.now().minusNanos(System.nanoTime() - revokedAt);
    }

    private static int code(String body) {
        try {
            return Http.JSON.readTree(body).path("code").asInt();
        } catch (IOException e) {
            return -1;
        }
    }

    void timeUntilRefused(String revokedToken, long revokedAt, String measure) {
        String url = settings.apiUrl() + "/v1beta1/regions";
        while (true) {
            HttpResponse<String> answer;
            try {
                answer = probe.send(Http.get(url, revokedToken), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                http.stats().error(measure + ": probe -> " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long elapsed = System.nanoTime() - revokedAt;
            if (answer.statusCode() == 401) {
                String challenge = answer.headers().firstValue("WWW-Authenticate").orElse("");
                if (!challenge.contains("error=\"invalid_token\"") || code(answer.body()) != 16) {
                    http.stats().error(measure + ": 401 without invalid_token or code 16", challenge + " " + answer.body());
                }
                http.stats().record(measure, elapsed);
                if (elapsed > settings.revocationBound().toNanos()) {
                    http.stats().note(String.format(
                            "%s: revoked at %s, refused after %d ms",
                            measure, revokedAtWallClock(revokedAt), elapsed / 1_000_000));
                }
                return;
            }
            if (answer.statusCode() != 200) {
                http.stats().error(measure + ": probe -> " + answer.statusCode(), answer.body());
                return;
            }
            if (elapsed > GIVE_UP_NANOS) {
                http.stats().error(measure + ": still accepted after 10 s", "");
                http.stats().record(measure, elapsed);
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
