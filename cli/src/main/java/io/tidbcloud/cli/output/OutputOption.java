package io.tidbcloud.cli.output;

import io.tidbcloud.cli.Commands;
import picocli.CommandLine.Model.OptionSpec;

/** {@code -o/--output human|json}, which every command that prints data adds to its options. */
public final class OutputOption {

    private OutputOption() {}

    /** A new {@code -o/--output} option for a command's spec; its value is an {@link OutputFormat}. */
    public static OptionSpec spec() {
        return Commands.option(OutputFormat.class, "-o", "--output")
                .paramLabel("FORMAT")
                .defaultValue("human")
                .description("Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
                .build();
    }
}
