package io.tidbcloud.auth.revocation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The revocations table (plain JDBC: three statements, same SQL on PostgreSQL and H2). */
@ApplicationScoped
public class RevocationStore {

    private final AgroalDataSource dataSource;

    RevocationStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the revocations not stored before (by id); returns how many were new. */
    @Transactional
    public int insertNew(List<IncomingRevocation> revocations, long receivedAt) {
        int added = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM revocation_event WHERE event_id = ?");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO revocation_event (event_id, covers, cause, realm, subject, session_id, client_id, token_id,"
                                + " revoked_at, expires_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (IncomingRevocation revocation : revocations) {
                exists.setString(1, revocation.id());
                try (ResultSet found = exists.executeQuery()) {
                    if (found.next()) {
                        continue;
                    }
                }
                insert.setString(1, revocation.id());
                insert.setString(2, revocation.covers().name());
                insert.setString(3, revocation.cause());
                insert.setString(4, revocation.realm());
                insert.setString(5, revocation.subject());
                insert.setString(6, revocation.sessionId());
                insert.setString(7, revocation.clientId());
                insert.setString(8, revocation.tokenId());
                insert.setLong(9, revocation.time());
                insert.setLong(10, revocation.expiresAt());
                insert.setLong(11, receivedAt);
                insert.executeUpdate();
                added++;
            }
            return added;
        } catch (SQLException e) {
            throw new IllegalStateException("could not store revocations", e);
        }
    }

    /** The newest position in the store, 0 when it holds nothing. */
    public long lastSeq() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM revocation_event");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read revocations", e);
        }
    }

    /** Revocations after {@code seq}, oldest first, that can still cover a valid token. */
    public List<Revocation> after(long seq, long now, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT seq, covers, cause, subject, session_id, client_id, token_id, revoked_at, expires_at"
                                + " FROM revocation_event WHERE seq > ? AND expires_at > ? ORDER BY seq LIMIT " + limit)) {
            query.setLong(1, seq);
            query.setLong(2, now);
            List<Revocation> found = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(new Revocation(rows.getLong(1), Covers.valueOf(rows.getString(2)), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                            rows.getLong(8), rows.getLong(9)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read revocations", e);
        }
    }

    /** Forgets the revocations whose every covered token has expired; returns how many. */
    @Transactional
    public int pruneExpired(long now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM revocation_event WHERE expires_at <= ?")) {
            delete.setLong(1, now);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not prune revocations", e);
        }
    }
}
