package io.tidbcloud.cli.project;

import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.Commands;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ticloud project}: list. */
public final class ProjectCommand {

    public static final String NAME = "project";

    private ProjectCommand() {}

    public static CommandSpec spec(CliContext context) {
        return Commands.group(NAME)
                .description("Manage your TiDB Cloud projects.")
                .subcommands(ProjectListCommand.spec(context))
                .build();
    }
}
