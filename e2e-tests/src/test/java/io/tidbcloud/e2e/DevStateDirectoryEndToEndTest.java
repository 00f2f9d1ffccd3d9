package io.tidbcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `bin/dev up` where its state directory {@code .dev} is on a read-only or a full file system (a real
 * tmpfs): one line naming the directory and the reason, exit 1, before anything is started or
 * written. The script runs as a copy in a directory of the test's own, so its {@code .dev} is the
 * test's tmpfs and never the build's; it stops at its first check, so it starts nothing.
 */
class DevStateDirectoryEndToEndTest {

    @TempDir
    Path tempDir;

    @Test
    void upWithAReadOnlyStateDirectorySaysSoAndStartsNothing() throws Exception {
        Path root = copyOfDevScript();
        try (Tmpfs state = Tmpfs.mountAt(root.resolve(".dev"), "64k").readOnly()) {
            Result up = run(root, "up");

            assertThat(up.exitCode()).isEqualTo(1);
            assertThat(up.output())
                    .isEqualTo("bin/dev: cannot write " + state.dir() + " (Read-only file system): bin/dev keeps the"
                            + " local stack's secrets, pids, logs and databases there; make it writable or free some"
                            + " space\n");
            assertThat(contents(state.dir())).isEmpty();
        }
    }

    @Test
    void upWithAFullStateDirectorySaysSoAndLeavesNothingBehind() throws Exception {
        Path root = copyOfDevScript();
        try (Tmpfs state = Tmpfs.mountAt(root.resolve(".dev"), "64k").full()) {
            Result up = run(root, "up");

            assertThat(up.exitCode()).isEqualTo(1);
            assertThat(up.output())
                    .isEqualTo("bin/dev: cannot write " + state.dir() + " (No space left on device): bin/dev keeps"
                            + " the local stack's secrets, pids, logs and databases there; make it writable or free"
                            + " some space\n");
            assertThat(contents(state.dir())).containsExactly("filler");
        }
    }

    private record Result(int exitCode, String output) {}

    private Path copyOfDevScript() throws Exception {
        Path root = tempDir.resolve("repo");
        Path script = Files.createDirectories(root.resolve("bin")).resolve("dev");
        Files.copy(TestStack.repoRoot().resolve("bin/dev"), script);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return root;
    }

    private static Result run(Path root, String... args) throws Exception {
        List<String> command =
                new java.util.ArrayList<>(List.of(root.resolve("bin/dev").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/dev still running after 30 s: " + output);
        }
        return new Result(process.exitValue(), output);
    }

    private static List<String> contents(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
