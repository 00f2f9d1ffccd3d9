package io.tidbcloud.cli.serverless;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "serverless",
        mixinStandardHelpOptions = true,
        description = "Manage your TiDB Cloud serverless clusters.",
        subcommands = {ClusterListCommand.class, ClusterCreateCommand.class, ClusterDescribeCommand.class,
            ClusterUpdateCommand.class, ClusterDeleteCommand.class})
public final class ServerlessCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }
}
