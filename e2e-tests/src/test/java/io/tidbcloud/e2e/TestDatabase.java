package io.tidbcloud.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A new, empty database on the build's PostgreSQL ({@code bin/dev infra up}, port
 * {@code TIDBCLOUD_TEST_PG_PORT}) for one service process, as production gives each service its
 * own: processes of different test classes never see each other's data. The build's PostgreSQL
 * is thrown away after the build, and every database with it.
 */
final class TestDatabase {

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final String USER = "tidbcloud";
    private static final String PASSWORD = "tidbcloud";

    private TestDatabase() {}

    /** Creates a database whose name starts with the prefix and answers its JDBC URL. */
    static String create(String prefix) {
        String name = (prefix.replaceAll("[^a-z0-9]", "_") + "_"
                        + ProcessHandle.current().pid() + "_" + COUNT.incrementAndGet())
                .toLowerCase(java.util.Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create database " + name + " on " + url("postgres")
                            + ": is the build's PostgreSQL up (bin/dev infra up)?",
                    e);
        }
        return url(name);
    }

    private static String url(String database) {
        String port = System.getenv().getOrDefault("TIDBCLOUD_TEST_PG_PORT", "15432");
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }
}
