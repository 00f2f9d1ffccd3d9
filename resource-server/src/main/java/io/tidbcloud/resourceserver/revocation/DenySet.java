package io.tidbcloud.resourceserver.revocation;

import io.tidbcloud.contract.revocation.Covers;
import io.tidbcloud.contract.revocation.RevocationEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What has been revoked, keyed the ways revocations name tokens: by session and client, session,
 * token id, subject and client, subject, or client (a deleted application). Each entry holds when the revocation happened (a token
 * issued later is not covered; an access-token revocation covers its one token whenever issued)
 * and until when it matters (no covered token outlives it). A check is at most six hash lookups.
 */
@ApplicationScoped
public class DenySet {

    /** Seconds since the epoch, as in {@code iat}; millis for the expiry. */
    private record Entry(long revokedAtSecond, long expiresAtMillis) {

        Entry merge(Entry other) {
            return new Entry(
                    Math.max(revokedAtSecond, other.revokedAtSecond), Math.max(expiresAtMillis, other.expiresAtMillis));
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    void add(RevocationEvent revocation) {
        Covers covers = revocation.covers();
        if (covers == null) {
            return;
        }
        String key = switch (covers) {
            case SESSION -> session(revocation.sessionId());
            case SESSION_CLIENT -> sessionClient(revocation.sessionId(), revocation.clientId());
            case TOKEN -> token(revocation.tokenId());
            case SUBJECT_CLIENT -> subjectClient(revocation.userId(), revocation.clientId());
            case SUBJECT -> subject(revocation.userId());
            case CLIENT -> client(revocation.clientId());
        };
        // An access-token revocation covers its token whenever it was issued.
        long revokedAt = covers == Covers.TOKEN ? Long.MAX_VALUE : revocation.revokedAt();
        entries.merge(key, new Entry(revokedAt, revocation.maxTokenExp() * 1000), Entry::merge);
    }

    /**
     * Whether a token with these claims is revoked. Any claim may be null.
     *
     * @param issuedAt the token's {@code iat}, seconds
     */
    public boolean isRevoked(
            String tokenId, String sessionId, String clientId, String subject, long issuedAt, long nowMillis) {
        if (entries.isEmpty()) {
            return false;
        }
        return (tokenId != null && covers(token(tokenId), issuedAt, nowMillis))
                || (sessionId != null && covers(session(sessionId), issuedAt, nowMillis))
                || (sessionId != null
                        && clientId != null
                        && covers(sessionClient(sessionId, clientId), issuedAt, nowMillis))
                || (subject != null && covers(subject(subject), issuedAt, nowMillis))
                || (subject != null
                        && clientId != null
                        && covers(subjectClient(subject, clientId), issuedAt, nowMillis))
                || (clientId != null && covers(client(clientId), issuedAt, nowMillis));
    }

    private boolean covers(String key, long issuedAt, long nowMillis) {
        Entry entry = entries.get(key);
        return entry != null && entry.expiresAtMillis() > nowMillis && issuedAt <= entry.revokedAtSecond();
    }

    /** Drops the entries no valid token can match any more; returns how many. */
    int sweep(long nowMillis) {
        int before = entries.size();
        entries.values().removeIf(entry -> entry.expiresAtMillis() <= nowMillis);
        return before - entries.size();
    }

    public int size() {
        return entries.size();
    }

    // Key prefixes keep the six kinds apart; a space cannot occur in Keycloak's ids.
    private static String token(String jti) {
        return "t " + jti;
    }

    private static String session(String sid) {
        return "s " + sid;
    }

    private static String sessionClient(String sid, String client) {
        return "sc " + sid + " " + client;
    }

    private static String subject(String sub) {
        return "u " + sub;
    }

    private static String subjectClient(String sub, String client) {
        return "uc " + sub + " " + client;
    }

    private static String client(String client) {
        return "c " + client;
    }
}
