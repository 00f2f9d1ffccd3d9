package io.tidbcloud.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An empty database of its own on the build's PostgreSQL ({@code bin/dev infra up}, port
 * {@code TIDBCLOUD_TEST_PG_PORT}), for one service process or one test class, as production gives
 * each service its own: they never see each other's data. The build's PostgreSQL is thrown away
 * after the build, and every database with it.
 *
 * <pre>{@code
 * String url = TestDatabase.create("e2e_cloud_api").jdbcUrl(); // a new name each call
 * TestDatabase flaky = TestDatabase.recreate("cloud_api_flaky"); // the same name, emptied
 * }</pre>
 */
public final class TestDatabase {

    /** The owner of every test database, as {@code bin/dev} sets up the build's PostgreSQL. */
    private static final String USER = "tidbcloud";

    private static final String PASSWORD = "tidbcloud";

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    /**
     * A new database whose name is the prefix (other characters than lower-case letters and digits
     * made underscores), this JVM's process id and a count: unique within the build.
     */
    public static TestDatabase create(String prefix) {
        return recreate(prefix.replaceAll("[^a-z0-9]", "_") + "_"
                + ProcessHandle.current().pid() + "_" + COUNT.incrementAndGet());
    }

    /**
     * The database of that name (lower-case letters, digits and underscores), empty: dropped first
     * when it exists, its connections closed.
     */
    public static TestDatabase recreate(String name) {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        String admin = jdbcUrl(port(), "postgres");
        try (Connection connection = DriverManager.getConnection(admin, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create database " + name + " on " + admin
                            + ": is the build's PostgreSQL up (bin/dev infra up)?",
                    e);
        }
        return new TestDatabase(name);
    }

    /** The build PostgreSQL's port on localhost: {@code TIDBCLOUD_TEST_PG_PORT}, 15432 when unset. */
    public static int port() {
        return Integer.parseInt(TestEnvironment.read(System.getenv(), "TIDBCLOUD_TEST_PG_PORT", "15432"));
    }

    public String jdbcUrl() {
        return jdbcUrl(port(), name);
    }

    /** Its URL through another port on localhost, such as a proxy in front of PostgreSQL. */
    public String jdbcUrl(int port) {
        return jdbcUrl(port, name);
    }

    private static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }
}
