package io.tidbcloud.cli.auth;

import io.tidbcloud.cli.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Polls the token endpoint until the person approves, declines, or the code
 * expires, keeping to RFC 8628 section 3.5: wait {@code interval} between
 * polls, add 5 seconds on every {@code slow_down}, and back off exponentially
 * when the server cannot be reached, until the device code expires.
 *
 * <p>The code's {@code expires_in} is only the client's reckoning of the server's clock, so
 * the server has the last word: polling goes on until one interval past it (a code approved
 * in its final seconds is granted; the server counts expiry in whole seconds from when it
 * issued the code), and normally ends with the server's own {@code expired_token}. Only a
 * server still answering pending then, or unreachable, is taken as expired by the client.
 */
public final class DeviceFlow {

    /** RFC 8628 section 3.5: on slow_down "the interval MUST be increased by 5 seconds". */
    static final Duration SLOW_DOWN_INCREMENT = Duration.ofSeconds(5);

    static final Duration MAX_NETWORK_BACKOFF = Duration.ofSeconds(60);

    /** How the flow ended: granted, denied or expired. */
    public sealed interface Outcome {
        record Granted(IssuedTokens tokens) implements Outcome {}

        record Denied() implements Outcome {}

        record Expired() implements Outcome {}
    }

    private final DeviceAccessTokenRequest tokenRequest;
    private final Clock clock;
    private final Sleeper sleeper;

    public DeviceFlow(DeviceAccessTokenRequest tokenRequest, Clock clock, Sleeper sleeper) {
        this.tokenRequest = tokenRequest;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public Outcome await(DeviceCode code) throws InterruptedException, OAuthProtocolException {
        Instant deadline = clock.instant().plus(code.expiresIn());
        Duration interval = code.interval();
        Duration networkBackoff = Duration.ZERO;
        while (true) {
            sleeper.sleep(interval.plus(networkBackoff));
            boolean lastPoll = !clock.instant().isBefore(deadline.plus(interval));
            DeviceAccessTokenRequest.Result result;
            try {
                result = tokenRequest.poll(code.deviceCode());
                networkBackoff = Duration.ZERO;
            } catch (IOException unreachable) {
                if (lastPoll) {
                    return new Outcome.Expired();
                }
                networkBackoff = nextBackoff(networkBackoff, interval);
                continue;
            }
            if (result instanceof DeviceAccessTokenRequest.Result.Granted granted) {
                return new Outcome.Granted(granted.tokens());
            } else if (result instanceof DeviceAccessTokenRequest.Result.Denied) {
                return new Outcome.Denied();
            } else if (result instanceof DeviceAccessTokenRequest.Result.Expired) {
                return new Outcome.Expired();
            } else if (lastPoll) {
                return new Outcome.Expired(); // still pending (or slow_down) although the code's time is up
            } else if (result instanceof DeviceAccessTokenRequest.Result.SlowDown) {
                interval = interval.plus(SLOW_DOWN_INCREMENT);
            }
            // Pending: poll again after the same interval.
        }
    }

    private static Duration nextBackoff(Duration current, Duration interval) {
        Duration next = current.isZero() ? interval : current.multipliedBy(2);
        return next.compareTo(MAX_NETWORK_BACKOFF) > 0 ? MAX_NETWORK_BACKOFF : next;
    }
}
