package io.tidbcloud.cli.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tidbcloud.cli.testing.HttpStub;
import io.tidbcloud.cli.testing.TestCli;
import io.tidbcloud.cli.testing.Tokens;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two commands needing a refresh at the same moment: one refreshes, the other
 * waits on the credentials lock and uses the rotated tokens, so the refresh
 * token is sent once (Keycloak would end the session on a reuse).
 * (Two real processes against the real Keycloak: TicloudSessionEndToEndTest in e2e-tests.)
 */
class ConcurrentRefreshTest {

    private static final String TOKEN_PATH = "/realms/tidbcloud/protocol/openid-connect/token";

    @RegisterExtension
    final HttpStub stub = new HttpStub();

    @TempDir
    Path tempDir;

    @Test
    void twoCommandsRefreshingAtOnceSendTheRefreshTokenOnlyOnce() throws Exception {
        TestCli first = new TestCli(stub, tempDir);
        TestCli second = new TestCli(stub, tempDir);
        first.signIn("at-old", "rt-old", 0);
        stub.on("POST", TOKEN_PATH, Tokens.tokenResponse("at-new", "rt-new", "alice@example.com"));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<TestCli.Result>> results = pool.invokeAll(List.<Callable<TestCli.Result>>of(
                    () -> first.run("auth", "token"), () -> second.run("auth", "token")));
            for (Future<TestCli.Result> result : results) {
                assertEquals(0, result.get().exitCode(), result.get().err());
                assertEquals("at-new\n", result.get().out());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, stub.requests("POST", TOKEN_PATH).size());
        assertEquals("rt-new", first.storedCredentials().orElseThrow().refreshToken());
        stub.verifyAllUsed();
    }
}
