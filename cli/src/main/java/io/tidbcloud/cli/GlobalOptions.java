package io.tidbcloud.cli;

/**
 * The options every command takes ({@code -P/--profile}, {@code -D/--debug}),
 * set by picocli on the root command while it parses, read by the commands.
 */
public final class GlobalOptions {

    private String profile;
    private boolean debug;

    /** The profile named with -P, or null for the configured current profile. */
    public String profile() {
        return profile;
    }

    public void profile(String profile) {
        this.profile = profile;
    }

    public boolean debug() {
        return debug;
    }

    public void debug(boolean debug) {
        this.debug = debug;
    }
}
