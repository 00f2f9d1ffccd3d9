package io.tidbcloud.cli.output;

import io.tidbcloud.cli.Commands;
import picocli.CommandLine.Model.OptionSpec;

/** {@code -o/--output human|json}, which every command that prints data adds to its options. */
public final class OutputOption {

    private final OptionSpec format = Commands.option(OutputFormat.class, "-o", "--output").paramLabel("FORMAT")
            .defaultValue("human").description("Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
            .build();

    /** The option, for the command's spec. */
    public OptionSpec option() {
        return format;
    }

    /** Whether the API's objects are printed as JSON rather than as a table or fields. */
    public boolean json() {
        return format.getValue() == OutputFormat.json;
    }
}
