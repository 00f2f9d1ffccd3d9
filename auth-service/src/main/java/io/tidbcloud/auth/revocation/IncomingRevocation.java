package io.tidbcloud.auth.revocation;

/**
 * One revocation as Keycloak's listener sends it (see keycloak-extensions
 * {@code io.tidbcloud.keycloak.events.RevocationEvent}); times in epoch milliseconds.
 */
public record IncomingRevocation(
        String id,
        Covers covers,
        String cause,
        String realm,
        String subject,
        String sessionId,
        String clientId,
        String tokenId,
        Long time,
        Long expiresAt) {

    /** Why a revocation cannot be kept, or null when it can. */
    String problem() {
        if (id == null || id.isBlank() || id.length() > 64) {
            return "id is required (at most 64 characters)";
        }
        if (covers == null) {
            return "covers is required";
        }
        if (cause == null || cause.isBlank() || cause.length() > 64) {
            return "cause is required (at most 64 characters)";
        }
        if (time == null || expiresAt == null) {
            return "time and expiresAt are required";
        }
        String missing = switch (covers) {
            case SESSION -> sessionId == null ? "sessionId" : null;
            case SESSION_CLIENT -> sessionId == null || clientId == null ? "sessionId and clientId" : null;
            case TOKEN -> tokenId == null ? "tokenId" : null;
            case SUBJECT_CLIENT -> subject == null || clientId == null ? "subject and clientId" : null;
            case SUBJECT -> subject == null ? "subject" : null;
        };
        if (missing != null) {
            return covers + " needs " + missing;
        }
        for (String value : new String[] {realm, subject, sessionId, clientId, tokenId}) {
            if (value != null && value.length() > 255) {
                return "identifiers are at most 255 characters";
            }
        }
        return null;
    }
}
