package io.tidbcloud.keycloak.device;

import java.util.Locale;
import org.keycloak.common.util.SecretGenerator;
import org.keycloak.models.OAuth2DeviceUserCodeProvider;

/**
 * User codes as RFC 8628 section 6.1 recommends them: 8 characters of the 20 consonants
 * {@code BCDFGHJKLMNPQRSTVWXZ} (no vowels, so no words; no digits to mistake for letters), about
 * 34.5 bits, shown as {@code XXXX-XXXX}. A person may type one in any case, with or without the
 * dash, with spaces (section 3.3: "the authorization server should be case insensitive and
 * ignore punctuation").
 */
public final class Base20UserCodeProvider implements OAuth2DeviceUserCodeProvider {

    static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
    static final int LENGTH = 8;
    private static final char[] CHARACTERS = ALPHABET.toCharArray();

    @Override
    public String generate() {
        return SecretGenerator.getInstance().randomString(LENGTH, CHARACTERS);
    }

    @Override
    public String display(String code) {
        return code.length() == LENGTH ? code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2) : code;
    }

    /** Runs on every entry before Keycloak looks the code up: what the person typed, normalised. */
    @Override
    public String format(String typed) {
        if (typed == null) {
            return "";
        }
        StringBuilder code = new StringBuilder(typed.length());
        typed.codePoints().filter(c -> !Character.isWhitespace(c) && !isDash(c)).forEach(code::appendCodePoint);
        return code.toString().toUpperCase(Locale.ROOT);
    }

    private static boolean isDash(int c) {
        return c == '-' || Character.getType(c) == Character.DASH_PUNCTUATION;
    }

    @Override
    public void close() {}
}
