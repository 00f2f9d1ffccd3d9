package io.tidbcloud.e2e;

import io.tidbcloud.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The build's shared PostgreSQL (bin/dev infra up: Debian's server binaries, run by the {@code postgres}
 * user, on {@code TIDBCLOUD_TEST_PG_PORT}) as a server a test can really restart: {@code pg_ctl restart}
 * on its data directory, which PostgreSQL itself names, with the options it was started with
 * ({@code postmaster.opts}), so it comes back on the same port with the same databases and settings.
 * Only under the build's test lock: every other test's connections break meanwhile.
 */
final class TestPostgres {

    private static final String USER = "tidbcloud";
    private static final String PASSWORD = "tidbcloud";

    private TestPostgres() {}

    /** Stops the server (fast: open sessions are ended, committed work is kept) and starts it again. */
    static void restart() throws IOException, InterruptedException, SQLException {
        String dataDirectory = queryOne("SHOW data_directory").get(0);
        Path log = Path.of(dataDirectory).resolveSibling("server.log");
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("runuser", "-u", "postgres", "--")); // PostgreSQL refuses to run as root
        }
        command.addAll(List.of(
                pgCtl().toString(),
                "-D",
                dataDirectory,
                "-l",
                log.toString(),
                "-m",
                "fast",
                "-w",
                "-t",
                "60",
                "restart"));
        Process pgCtl = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!pgCtl.waitFor(90, TimeUnit.SECONDS) || pgCtl.exitValue() != 0) {
            pgCtl.destroyForcibly();
            throw new IllegalStateException("pg_ctl restart of " + dataDirectory + " failed; see " + log);
        }
    }

    /** What must be the same before and after a restart: the databases and the settings it runs with. */
    static List<String> databasesAndSettings() throws SQLException {
        List<String> state = new ArrayList<>(queryOne("SELECT datname FROM pg_database ORDER BY datname"));
        state.addAll(queryOne("SELECT name || '=' || setting FROM pg_settings WHERE name IN "
                + "('port', 'fsync', 'synchronous_commit', 'full_page_writes', 'max_connections', "
                + "'listen_addresses') ORDER BY name"));
        return state;
    }

    private static List<String> queryOne(String sql) throws SQLException {
        String url = "jdbc:postgresql://localhost:" + TestDatabase.port() + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /** Debian's newest server binaries, as bin/dev's pg_bin picks them. */
    private static Path pgCtl() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(version -> version.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(
                            version -> Integer.parseInt(version.getFileName().toString())))
                    .map(version -> version.resolve("bin/pg_ctl"))
                    .filter(Files::isExecutable)
                    .orElseThrow(() -> new IllegalStateException("no /usr/lib/postgresql/*/bin/pg_ctl"));
        }
    }
}
