package io.tidbcloud.cli;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Opens a URL in the user's browser, where this machine has one to show. */
public interface BrowserOpener {

    /** Whether a browser can be shown at all (a display and an opener command). */
    boolean available();

    void open(URI uri) throws IOException;

    /** xdg-open on Linux with a display, open on macOS, start on Windows. */
    static BrowserOpener system(Map<String, String> env) {
        return new SystemBrowser(env);
    }

    final class SystemBrowser implements BrowserOpener {

        private final Map<String, String> env;
        private final String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);

        SystemBrowser(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public boolean available() {
            return command(URI.create("about:blank")).isPresent();
        }

        @Override
        public void open(URI uri) throws IOException {
            List<String> command = command(uri).orElseThrow(() -> new IOException("no browser available"));
            new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        }

        private Optional<List<String>> command(URI uri) {
            if (os.contains("mac")) {
                return Optional.of(List.of("open", uri.toString()));
            }
            if (os.contains("windows")) {
                return Optional.of(List.of("rundll32", "url.dll,FileProtocolHandler", uri.toString()));
            }
            boolean display = !env.getOrDefault("DISPLAY", "").isEmpty()
                    || !env.getOrDefault("WAYLAND_DISPLAY", "").isEmpty();
            if (!display || !onPath("xdg-open")) {
                return Optional.empty();
            }
            return Optional.of(List.of("xdg-open", uri.toString()));
        }

        private boolean onPath(String program) {
            for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (!dir.isEmpty() && new File(dir, program).canExecute()) {
                    return true;
                }
            }
            return false;
        }
    }
}
