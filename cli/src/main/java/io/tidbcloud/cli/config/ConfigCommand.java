package io.tidbcloud.cli.config;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "config",
        mixinStandardHelpOptions = true,
        description = {"Manage profiles in config.toml: where to sign in and which API to call.",
            "Keys: oauth-endpoint (realm URL), oauth-client-id, api-endpoint."},
        subcommands = {ConfigCreateCommand.class, ConfigUseCommand.class, ConfigListCommand.class,
            ConfigDescribeCommand.class, ConfigSetCommand.class, ConfigDeleteCommand.class})
public final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }
}
