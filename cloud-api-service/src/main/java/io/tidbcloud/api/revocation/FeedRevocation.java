package io.tidbcloud.api.revocation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One revocation as auth-service's feed sends it (times in epoch milliseconds). */
@JsonIgnoreProperties(ignoreUnknown = true)
record FeedRevocation(
        long seq,
        String covers,
        String cause,
        String subject,
        String sessionId,
        String clientId,
        String tokenId,
        long revokedAt,
        long expiresAt) {
}
