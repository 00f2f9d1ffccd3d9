package io.tidbcloud.cli.auth;

import java.net.URI;
import java.time.Duration;

/**
 * The device authorization response (RFC 8628 section 3.2).
 *
 * @param deviceCode              secret the CLI polls with
 * @param userCode                what the person confirms in the browser
 * @param verificationUri         where the person goes
 * @param verificationUriComplete the same with the user code in it (what we show)
 * @param expiresIn               lifetime of both codes
 * @param interval                minimum wait between polls
 */
public record DeviceCode(
        String deviceCode,
        String userCode,
        URI verificationUri,
        URI verificationUriComplete,
        Duration expiresIn,
        Duration interval) {

    /** RFC 8628 section 3.2: "If no value is provided, clients MUST use 5 as the default." */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    @Override
    public String toString() {
        return "DeviceCode[userCode=" + userCode + ", verificationUri=" + verificationUri + "]";
    }
}
