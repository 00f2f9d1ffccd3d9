package io.tidbcloud.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs `bin/ticloud` as a person would, with its own configuration directory. */
final class TicloudCli {

    private final Path configDir;
    private final String apiEndpoint;
    private final Map<String, String> environment;

    TicloudCli(Path configDir, String apiEndpoint) {
        this(configDir, apiEndpoint, Map.of());
    }

    private TicloudCli(Path configDir, String apiEndpoint, Map<String, String> environment) {
        this.configDir = configDir;
        this.apiEndpoint = apiEndpoint;
        this.environment = environment;
    }

    /** The same CLI with one more environment variable set, e.g. TICLOUD_OAUTH_CLIENT_ID. */
    TicloudCli withEnvironment(String name, String value) {
        Map<String, String> more = new HashMap<>(environment);
        more.put(name, value);
        return new TicloudCli(configDir, apiEndpoint, Map.copyOf(more));
    }

    Path configDir() {
        return configDir;
    }

    /** Runs a command to its end. */
    Result run(String... args) throws IOException, InterruptedException, TimeoutException {
        return start(args).await(Duration.ofSeconds(60));
    }

    /** Starts a command that the test interacts with while it runs (a device login). */
    Running start(String... args) throws IOException {
        return start(List.of(), args);
    }

    /**
     * Starts a command that the test may interrupt with {@link Running#pressCtrlC()}. It runs with SIGINT's
     * default action, as under a terminal: a build started in the background (CI) inherits SIGINT ignored,
     * and the JVM keeps an ignored SIGINT ignored.
     */
    Running startInterruptible(String... args) throws IOException {
        return start(List.of("env", "--default-signal=INT"), args);
    }

    private Running start(List<String> launcher, String... args) throws IOException {
        List<String> command = new ArrayList<>(launcher);
        command.add(TestStack.repoRoot().resolve("bin/ticloud").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("TICLOUD_CONFIG_DIR", configDir.toString());
        builder.environment().put("TICLOUD_OAUTH_ENDPOINT", TestStack.oidcUrl());
        builder.environment().put("TICLOUD_API_ENDPOINT", apiEndpoint);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        return new Running(process);
    }

    record Result(int exitCode, String stdout, String stderr) {}

    static final class Running {
        private final Process process;
        private final CompletableFuture<String> stdout;
        private final BlockingQueue<String> stderrLines = new LinkedBlockingQueue<>();
        private final StringBuffer stderr = new StringBuffer();
        private final Thread stderrPump;

        private Running(Process process) {
            this.process = process;
            this.stdout = CompletableFuture.supplyAsync(() -> readAll(process));
            this.stderrPump = new Thread(this::pumpStderr, "ticloud-stderr");
            this.stderrPump.setDaemon(true);
            this.stderrPump.start();
        }

        private static String readAll(Process process) {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private void pumpStderr() {
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    stderr.append(line).append('\n');
                    stderrLines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }

        /** Waits for a stderr line that starts with the prefix and returns the rest of it. */
        String awaitStderrLine(String prefix, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                String line = stderrLines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line.substring(prefix.length()).trim();
                }
                if (line == null && !process.isAlive() && stderrLines.isEmpty()) {
                    break;
                }
            }
            throw new AssertionError("ticloud never printed '" + prefix + "'; stderr so far:\n" + stderr);
        }

        /** What Ctrl-C at a terminal does: SIGINT to the CLI (bin/ticloud execs the JVM, so one process). */
        void pressCtrlC() throws IOException, InterruptedException {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                    .inheritIO()
                    .start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -INT " + process.pid() + " failed");
            }
        }

        Result await(Duration timeout) throws InterruptedException, TimeoutException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new TimeoutException("ticloud still running after " + timeout + "; stderr:\n" + stderr);
            }
            stderrPump.join(5_000);
            return new Result(process.exitValue(), stdout.join(), stderr.toString());
        }
    }
}
