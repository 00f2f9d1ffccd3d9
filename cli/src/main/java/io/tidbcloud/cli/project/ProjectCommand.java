package io.tidbcloud.cli.project;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "project",
        mixinStandardHelpOptions = true,
        description = "Manage your TiDB Cloud projects.",
        subcommands = {ProjectListCommand.class})
public final class ProjectCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }
}
