package io.tidbcloud.auth.revocation;

import io.agroal.api.AgroalDataSource;
import io.tidbcloud.auth.keycloak.KeycloakConfig;
import io.tidbcloud.contract.revocation.Covers;
import io.tidbcloud.contract.revocation.InitiatingEntity;
import io.tidbcloud.contract.revocation.RevocationEvent;
import io.tidbcloud.contract.revocation.SubjectId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The revocations table (plain JDBC on PostgreSQL). A revocation is kept as the columns its deny-set
 * keys and times need; times in epoch milliseconds, as whole seconds since revocations carry
 * NumericDates. Several auth-service instances write it: inserts are serialized by a transaction-scoped
 * advisory lock and announced with NOTIFY (see {@link #insertNew}).
 */
@ApplicationScoped
public class RevocationStore {

    private final AgroalDataSource dataSource;
    /** The issuer of rows stored before revocations carried theirs (migration V2). */
    private final String realmIssuer;

    RevocationStore(AgroalDataSource dataSource, KeycloakConfig keycloak) {
        this.dataSource = dataSource;
        this.realmIssuer = keycloak.realmUrl().toString();
    }

    /**
     * The channel on which every auth-service instance announces committed revocations (payload: the
     * newest {@code seq}), so that each instance's feed wakes at once, whichever instance stored them.
     */
    public static final String CHANNEL = "revocation_event";

    /**
     * Taken by every insert transaction of every instance before its first {@code INSERT}, released at
     * commit: {@code seq} values are then drawn and committed in one order, so a subscriber that has
     * seen {@code seq} n never misses an m &lt; n that commits later. Per database, so it serializes
     * exactly the writers of this table.
     */
    static final String WRITE_LOCK = "SELECT pg_advisory_xact_lock(hashtext('revocation_event'))";

    /**
     * Stores the revocations not stored before (by id); returns how many were new. Always in a
     * transaction of its own, committed on return, whoever calls: the caller then wakes the feed
     * after the rows are visible (inside a caller's transaction, such as an app's deletion, the feed
     * was woken before the commit, found nothing, and sent the revocation only at its next re-read),
     * the write lock is held for the insert only, and a revocation stands even if the caller's work
     * rolls back afterwards (revoking more is the safe side).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int insertNew(List<RevocationEvent> revocations, long receivedAt) {
        try (Connection connection = dataSource.getConnection()) {
            return insertNew(connection, revocations, receivedAt);
        } catch (SQLException e) {
            throw new IllegalStateException("could not store revocations", e);
        }
    }

    /**
     * The insert transaction's statements, on a connection whose transaction the caller commits:
     * the write lock, the new rows, then a notification, which PostgreSQL delivers to the listeners
     * of every instance only when the transaction commits.
     */
    int insertNew(Connection connection, List<RevocationEvent> revocations, long receivedAt) throws SQLException {
        int added = 0;
        long newest = 0;
        try (PreparedStatement lock = connection.prepareStatement(WRITE_LOCK);
                PreparedStatement exists =
                        connection.prepareStatement("SELECT 1 FROM revocation_event WHERE event_id = ?");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO revocation_event (event_id, covers, cause, issuer, initiating_entity, subject, session_id,"
                                + " client_id, token_id, revoked_at, expires_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " RETURNING seq");
                PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            lock.execute();
            for (RevocationEvent revocation : revocations) {
                exists.setString(1, revocation.id());
                try (ResultSet found = exists.executeQuery()) {
                    if (found.next()) {
                        continue;
                    }
                }
                insert.setString(1, revocation.id());
                insert.setString(2, revocation.covers().name());
                insert.setString(3, revocation.reason());
                insert.setString(4, revocation.issuer());
                insert.setString(
                        5,
                        revocation.initiatingEntity() == null
                                ? null
                                : revocation.initiatingEntity().name());
                insert.setString(6, revocation.userId());
                insert.setString(7, revocation.sessionId());
                insert.setString(8, revocation.clientId());
                insert.setString(9, revocation.tokenId());
                insert.setLong(10, revocation.revokedAt() * 1000);
                insert.setLong(11, revocation.maxTokenExp() * 1000);
                insert.setLong(12, receivedAt);
                try (ResultSet seq = insert.executeQuery()) {
                    seq.next();
                    newest = seq.getLong(1);
                }
                added++;
            }
            if (added > 0) {
                notify.setString(1, CHANNEL);
                notify.setString(2, Long.toString(newest));
                notify.execute();
            }
            return added;
        }
    }

    /**
     * Whether a stored revocation covers a token with these claims (any may be null), with the
     * resource-server deny set's rules: a token revocation covers its token, the others the tokens
     * issued no later than the revocation, until it expires.
     *
     * @param issuedAt the token's {@code iat}, seconds
     */
    public boolean covers(
            String tokenId, String sessionId, String clientId, String subject, long issuedAt, long nowMillis) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT 1 FROM revocation_event WHERE expires_at > ?"
                                + " AND ((covers = 'TOKEN' AND token_id = ?)"
                                + " OR (revoked_at >= ? AND ((covers = 'SESSION' AND session_id = ?)"
                                + " OR (covers = 'SESSION_CLIENT' AND session_id = ? AND client_id = ?)"
                                + " OR (covers = 'SUBJECT' AND subject = ?)"
                                + " OR (covers = 'SUBJECT_CLIENT' AND subject = ? AND client_id = ?)"
                                + " OR (covers = 'CLIENT' AND client_id = ?)))) LIMIT 1")) {
            query.setLong(1, nowMillis);
            query.setString(2, tokenId);
            query.setLong(3, issuedAt * 1000);
            query.setString(4, sessionId);
            query.setString(5, sessionId);
            query.setString(6, clientId);
            query.setString(7, subject);
            query.setString(8, subject);
            query.setString(9, clientId);
            query.setString(10, clientId);
            try (ResultSet found = query.executeQuery()) {
                return found.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read revocations", e);
        }
    }

    /** The newest position in the store, 0 when it holds nothing. */
    public long lastSeq() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM revocation_event");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read revocations", e);
        }
    }

    /** How many stored revocations can still cover a valid token (what the feed would replay). */
    public long inForce(long now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT COUNT(*) FROM revocation_event WHERE expires_at > ?")) {
            query.setLong(1, now);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count revocations", e);
        }
    }

    /** Revocations after {@code seq}, oldest first, that can still cover a valid token. */
    public List<FeedEntry> after(long seq, long now, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT seq, event_id, covers, cause, issuer, initiating_entity, subject, session_id, client_id, token_id,"
                                + " revoked_at, expires_at FROM revocation_event WHERE seq > ? AND expires_at > ? ORDER BY seq LIMIT "
                                + limit)) {
            query.setLong(1, seq);
            query.setLong(2, now);
            List<FeedEntry> found = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(new FeedEntry(rows.getLong("seq"), revocation(rows)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read revocations", e);
        }
    }

    private RevocationEvent revocation(ResultSet row) throws SQLException {
        String issuer = row.getString("issuer") == null ? realmIssuer : row.getString("issuer");
        String subject = row.getString("subject");
        String session = row.getString("session_id");
        String client = row.getString("client_id");
        SubjectId subjectId = switch (Covers.valueOf(row.getString("covers"))) {
            case TOKEN -> SubjectId.jwtId(issuer, row.getString("token_id"));
            case SESSION -> SubjectId.complex(issuer, subject, session, null);
            case SESSION_CLIENT -> SubjectId.complex(issuer, subject, session, client);
            case SUBJECT_CLIENT -> SubjectId.complex(issuer, subject, null, client);
            case SUBJECT -> SubjectId.complex(issuer, subject, null, null);
            case CLIENT -> SubjectId.complex(issuer, null, null, client);
        };
        String initiatingEntity = row.getString("initiating_entity");
        return RevocationEvent.of(
                row.getString("event_id"),
                issuer,
                subjectId,
                Math.floorDiv(row.getLong("revoked_at"), 1000),
                Math.floorDiv(row.getLong("expires_at") + 999, 1000),
                initiatingEntity == null ? null : InitiatingEntity.valueOf(initiatingEntity),
                row.getString("cause"));
    }

    /** Forgets the revocations whose every covered token has expired; returns how many. */
    @Transactional
    public int pruneExpired(long now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM revocation_event WHERE expires_at <= ?")) {
            delete.setLong(1, now);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not prune revocations", e);
        }
    }
}
