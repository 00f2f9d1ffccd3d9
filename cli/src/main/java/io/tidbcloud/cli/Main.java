package io.tidbcloud.cli;

/** Entry point of {@code ticloud}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Ticloud.run(CliContext.system(), args));
    }
}
