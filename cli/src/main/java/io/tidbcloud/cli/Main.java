package io.tidbcloud.cli;

/** Entry point of {@code ticloud}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (Boolean.getBoolean("ticloud.aot.training")) {
            System.exit(AotTraining.run()); // bin/ticloud recording the AOT cache
        }
        System.exit(Ticloud.run(CliContext.system(), args));
    }
}
