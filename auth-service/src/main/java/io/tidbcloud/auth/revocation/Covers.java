package io.tidbcloud.auth.revocation;

/** Which tokens a revocation names; resource servers key their deny sets by it. */
public enum Covers {
    /** Every token of a user session ({@code sid}). */
    SESSION,
    /** One client's tokens in a session ({@code sid} and {@code azp}). */
    SESSION_CLIENT,
    /** One access token ({@code jti}). */
    TOKEN,
    /** Every token a user gave one client ({@code sub} and {@code azp}). */
    SUBJECT_CLIENT,
    /** Every token of a user ({@code sub}). */
    SUBJECT
}
