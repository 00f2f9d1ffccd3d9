package io.tidbcloud.cli.config;

import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.Commands;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ticloud config}: create, use, list, describe, set, delete. */
public final class ConfigCommand {

    public static final String NAME = "config";

    private ConfigCommand() {}

    public static CommandSpec spec(CliContext context) {
        return Commands.group(NAME)
                .description(
                        "Manage profiles in config.toml: where to sign in and which API to call.",
                        "Keys: oauth-endpoint (realm URL), oauth-client-id, api-endpoint.")
                .subcommands(
                        ConfigCreateCommand.spec(context),
                        ConfigUseCommand.spec(context),
                        ConfigListCommand.spec(context),
                        ConfigDescribeCommand.spec(context),
                        ConfigSetCommand.spec(context),
                        ConfigDeleteCommand.spec(context))
                .build();
    }
}
