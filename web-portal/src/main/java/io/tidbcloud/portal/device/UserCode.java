package io.tidbcloud.portal.device;

import java.util.Locale;
import java.util.Optional;

/**
 * A device's user code as Keycloak issues it (ARCHITECTURE.md, "User codes"): 8 characters of
 * {@value #ALPHABET}, shown {@code XXXX-XXXX}. A person may type it in any case, with or without the
 * dash, with spaces around.
 */
public record UserCode(String value) {

    /** No vowels (no words), no look-alikes of digits. */
    public static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";

    public static final int LENGTH = 8;

    /** The code as typed, normalised; empty when it cannot be a user code at all. */
    public static Optional<UserCode> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String compact = typed.strip().toUpperCase(Locale.ROOT);
        if (compact.length() == LENGTH + 1 && compact.charAt(LENGTH / 2) == '-') {
            compact = compact.substring(0, LENGTH / 2) + compact.substring(LENGTH / 2 + 1);
        }
        if (compact.length() != LENGTH || !compact.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(new UserCode(compact.substring(0, LENGTH / 2) + "-" + compact.substring(LENGTH / 2)));
    }

    @Override
    public String toString() {
        return value;
    }
}
