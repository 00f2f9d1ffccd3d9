package io.tidbcloud.keycloak.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Wrong user-code entries allowed per subject (a browser, a client address) and time window:
 * RFC 8628 section 5.1 asks for rate limiting of user-code guesses, and Keycloak has none.
 *
 * <p>Counted in fixed windows of {@code windowSeconds}: each wrong code claims the next free of
 * {@code maxWrong} numbered slots of the current window, each an entry of a shared store that lives
 * until the window ends. Claiming is the store's atomic put-if-absent, so concurrent guesses on
 * several Keycloak nodes cannot both take the same slot: with Keycloak's single-use store (an
 * Infinispan cache shared by the cluster) the limit holds across all nodes. When the last slot is
 * taken, the subject waits until the window ends.
 */
public final class WrongUserCodeLimit {

    /** The shared store, as far as the limit needs it. */
    public interface Slots {

        /** Takes {@code key} for {@code lifespanSeconds} if nobody holds it; true when this call took it. */
        boolean claim(String key, long lifespanSeconds);

        boolean isTaken(String key);
    }

    private final Slots slots;
    private final String keyPrefix;
    private final int maxWrong;
    private final long windowSeconds;
    private final LongSupplier clockSeconds;

    /**
     * @param keyPrefix keeps realms and uses of the store apart
     * @param clockSeconds the current time in seconds (Keycloak's {@code Time.currentTimeMillis() / 1000})
     */
    public WrongUserCodeLimit(
            Slots slots, String keyPrefix, int maxWrong, long windowSeconds, LongSupplier clockSeconds) {
        if (maxWrong < 1 || windowSeconds < 1) {
            throw new IllegalArgumentException("maxWrong and windowSeconds must be positive");
        }
        this.slots = slots;
        this.keyPrefix = keyPrefix;
        this.maxWrong = maxWrong;
        this.windowSeconds = windowSeconds;
        this.clockSeconds = clockSeconds;
    }

    /** Seconds until any of the subjects may enter a code again; empty when none is blocked. */
    public OptionalLong blockedFor(Collection<String> subjects) {
        long now = clockSeconds.getAsLong();
        long window = now / windowSeconds;
        for (String subject : subjects) {
            if (slots.isTaken(slotKey(subject, window, maxWrong))) {
                return OptionalLong.of(windowEnd(window) - now);
            }
        }
        return OptionalLong.empty();
    }

    /** Counts one wrong code against every subject. */
    public void recordWrong(Collection<String> subjects) {
        long now = clockSeconds.getAsLong();
        long window = now / windowSeconds;
        long lifespan = Math.max(1, windowEnd(window) - now);
        for (String subject : subjects) {
            for (int slot = 1; slot <= maxWrong; slot++) {
                if (slots.claim(slotKey(subject, window, slot), lifespan)) {
                    break;
                }
            }
        }
    }

    private long windowEnd(long window) {
        return (window + 1) * windowSeconds;
    }

    /** Subjects are hashed: addresses and cookie values stay out of the shared store's keys. */
    private String slotKey(String subject, long window, int slot) {
        return keyPrefix + sha256(subject) + "." + window + "." + slot;
    }

    private static String sha256(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
