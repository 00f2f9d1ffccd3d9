package io.tidbcloud.cli.output;

import picocli.CommandLine.Option;

/** {@code -o/--output human|json}, mixed into every command that prints data ({@code @Mixin}). */
public final class OutputOption {

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "human",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    /** Whether the API's objects are printed as JSON rather than as a table or fields. */
    public boolean json() {
        return format == OutputFormat.json;
    }
}
