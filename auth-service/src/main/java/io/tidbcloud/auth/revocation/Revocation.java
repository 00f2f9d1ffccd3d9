package io.tidbcloud.auth.revocation;

/**
 * A stored revocation as the feed sends it; {@code seq} is its place in the feed (the SSE id).
 * Times in epoch milliseconds; a token issued after {@code revokedAt} is not covered.
 */
public record Revocation(
        long seq,
        Covers covers,
        String cause,
        String subject,
        String sessionId,
        String clientId,
        String tokenId,
        long revokedAt,
        long expiresAt) {
}
