package io.tidbcloud.api.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A database of the test class's own on the build's PostgreSQL, reached through a {@link TcpLink}
 * that the test can cut and restore, and a connection pool that drops idle connections after a
 * second instead of five minutes: what happens to a service over hours, in seconds.
 *
 * <pre>{@code @QuarkusTest @WithTestResource(FlakyDatabase.class)}</pre>
 */
public final class FlakyDatabase implements QuarkusTestResourceLifecycleManager {

    private static final String DATABASE = "cloud_api_flaky";
    private static TcpLink link;

    /** The link between the service and its database, while the test class runs. */
    public static TcpLink link() {
        if (link == null) {
            throw new IllegalStateException("annotate the test class with @WithTestResource(FlakyDatabase.class)");
        }
        return link;
    }

    @Override
    public Map<String, String> start() {
        int postgres = Integer.parseInt(System.getenv().getOrDefault("TIDBCLOUD_TEST_PG_PORT", "15432"));
        admin(postgres, "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)", "CREATE DATABASE " + DATABASE);
        try {
            link = TcpLink.to(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + link.port() + "/" + DATABASE,
                "quarkus.datasource.jdbc.idle-removal-interval", "1S",
                "quarkus.datasource.jdbc.acquisition-timeout", "2S",
                // The cluster worker polls the database; off, nothing keeps a connection busy.
                "tidbcloud.api.provisioning.poll-interval", "off");
    }

    @Override
    public void stop() {
        if (link != null) {
            try {
                link.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            link = null;
        }
    }

    private static void admin(int port, String... statements) {
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + port + "/postgres", "tidbcloud", "tidbcloud");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare database " + DATABASE + " on PostgreSQL :" + port, e);
        }
    }
}
