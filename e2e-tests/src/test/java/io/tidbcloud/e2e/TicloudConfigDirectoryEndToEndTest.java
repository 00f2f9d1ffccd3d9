package io.tidbcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `ticloud auth login` where its configuration directory ({@code TICLOUD_CONFIG_DIR}) is on a
 * read-only or a full file system (a real tmpfs, see {@link Tmpfs}): the CLI says so at once, naming
 * the directory and the system's reason, exits 1, leaves nothing behind, and never shows a code to
 * approve, since a sign-in it could not keep would be approved for nothing.
 */
class TicloudConfigDirectoryEndToEndTest {

    @TempDir
    Path tempDir;

    @Test
    void loginIntoAReadOnlyConfigDirectorySaysSoNamingItAndStartsNoSignIn() throws Exception {
        try (Tmpfs readOnly = Tmpfs.mount(tempDir, "64k").readOnly()) {
            Path configDir = readOnly.dir().resolve("ticloud");
            TicloudCli.Result login =
                    new TicloudCli(configDir, "http://localhost:1").run("auth", "login", "--no-browser");

            assertThat(login.exitCode()).isEqualTo(1);
            assertThat(login.stdout()).isEmpty();
            assertThat(login.stderr())
                    .isEqualTo("Cannot save your sign-in in " + configDir + ": Read-only file system. Make the"
                            + " directory writable or free some space, or set TICLOUD_CONFIG_DIR to another"
                            + " directory.\n");
            assertThat(contents(readOnly.dir())).isEmpty();
        }
    }

    @Test
    void loginIntoAFullConfigDirectorySaysSoNamingItAndLeavesNothingHalfWritten() throws Exception {
        try (Tmpfs full = Tmpfs.mount(tempDir, "64k").full()) {
            Path configDir = full.dir();
            TicloudCli.Result login =
                    new TicloudCli(configDir, "http://localhost:1").run("auth", "login", "--no-browser");

            assertThat(login.exitCode()).isEqualTo(1);
            assertThat(login.stdout()).isEmpty();
            assertThat(login.stderr())
                    .isEqualTo("Cannot save your sign-in in " + configDir + ": No space left on device. Make the"
                            + " directory writable or free some space, or set TICLOUD_CONFIG_DIR to another"
                            + " directory.\n");
            assertThat(contents(configDir)).containsExactly("filler");
        }
    }

    private static List<String> contents(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
