package io.tidbcloud.api.common;

import java.security.SecureRandom;

/**
 * Ids of organizations, projects and clusters: random 19-digit numbers, shown as strings like
 * TiDB Cloud's ({@code "1372813089191151295"}). Random, so they say nothing about how many exist.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long SMALLEST_19_DIGITS = 1_000_000_000_000_000_000L;

    private Ids() {}

    public static long next() {
        return SMALLEST_19_DIGITS + RANDOM.nextLong(Long.MAX_VALUE - SMALLEST_19_DIGITS);
    }

    /** Parses an id from a path or query; empty when it is not one of ours, so callers answer 404. */
    public static java.util.OptionalLong parse(String text) {
        if (text == null || text.length() != 19 || !text.chars().allMatch(Character::isDigit)) {
            return java.util.OptionalLong.empty();
        }
        try {
            return java.util.OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return java.util.OptionalLong.empty();
        }
    }
}
