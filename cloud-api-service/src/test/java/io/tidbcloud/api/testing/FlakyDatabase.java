package io.tidbcloud.api.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tidbcloud.testsupport.TcpLink;
import io.tidbcloud.testsupport.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A database of the test class's own on the build's PostgreSQL ({@link TestDatabase}), reached
 * through a {@link TcpLink} that the test can cut and restore, and a connection pool that drops
 * idle connections after a second instead of five minutes: what happens to a service over hours,
 * in seconds.
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
        TestDatabase database = TestDatabase.recreate(DATABASE);
        try {
            link = TcpLink.to(TestDatabase.port());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(link.port()),
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
}
