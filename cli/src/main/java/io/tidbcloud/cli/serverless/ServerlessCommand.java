package io.tidbcloud.cli.serverless;

import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.Commands;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ticloud serverless}: list, create, describe, update, delete. */
public final class ServerlessCommand {

    public static final String NAME = "serverless";

    private ServerlessCommand() {}

    public static CommandSpec spec(CliContext context) {
        return Commands.group(NAME)
                .description("Manage your TiDB Cloud serverless clusters.")
                .subcommands(
                        ClusterListCommand.spec(context),
                        ClusterCreateCommand.spec(context),
                        ClusterDescribeCommand.spec(context),
                        ClusterUpdateCommand.spec(context),
                        ClusterDeleteCommand.spec(context))
                .build();
    }
}
