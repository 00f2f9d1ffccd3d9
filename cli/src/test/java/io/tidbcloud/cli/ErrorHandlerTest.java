package io.tidbcloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

class ErrorHandlerTest {

    @Test
    void aFileThatCannotBeWrittenIsNamedWithTheSystemsReasonNotCalledANetworkError() {
        ErrorHandler.Failure failure = ErrorHandler.classify(
                new FileSystemException("/home/alice/.ticloud/credentials.lock", null, "Read-only file system"));

        assertEquals(ExitCode.ERROR, failure.exitCode());
        assertEquals(
                "Cannot write /home/alice/.ticloud/credentials.lock: Read-only file system. Check that"
                        + " TICLOUD_CONFIG_DIR (default ~/.ticloud) is a writable directory with free space.",
                failure.message());
    }

    @Test
    void aFileThatMayNotBeWrittenSaysPermissionDenied() {
        ErrorHandler.Failure failure =
                ErrorHandler.classify(new AccessDeniedException("/home/alice/.ticloud/config.toml"));

        assertEquals(
                "Cannot write /home/alice/.ticloud/config.toml: Permission denied. Check that"
                        + " TICLOUD_CONFIG_DIR (default ~/.ticloud) is a writable directory with free space.",
                failure.message());
    }
}
