import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Watches the cluster lifecycle worker during a phase: once a second, from the database, how many
 * lifecycle steps are due and how late the oldest of them is. A worker that keeps up shows a lag
 * under its poll interval; one that falls behind shows a lag growing through the phase.
 */
final class LifecycleLag implements AutoCloseable {

    private static final String QUERY = "select count(*), coalesce(extract(epoch from (now() - min(due_at))), 0) "
            + "from clusters where pending_operation is not null and due_at <= now()";

    private final Connection db;
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long maxDue;
    private volatile double maxLagSeconds;
    private volatile SQLException failure;

    LifecycleLag(Settings settings) throws SQLException {
        db = DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
        sampler = Thread.ofPlatform().name("lifecycle-lag").start(this::sample);
    }

    long maxDue() {
        return maxDue;
    }

    double maxLagSeconds() {
        return maxLagSeconds;
    }

    private void sample() {
        while (running) {
            try (Statement query = db.createStatement();
                    ResultSet row = query.executeQuery(QUERY)) {
                row.next();
                maxDue = Math.max(maxDue, row.getLong(1));
                maxLagSeconds = Math.max(maxLagSeconds, row.getDouble(2));
            } catch (SQLException e) {
                failure = e;
                return;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws SQLException {
        running = false;
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        db.close();
        if (failure != null) {
            throw failure;
        }
    }
}
