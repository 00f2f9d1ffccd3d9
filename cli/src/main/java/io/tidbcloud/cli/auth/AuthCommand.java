package io.tidbcloud.cli.auth;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "auth",
        mixinStandardHelpOptions = true,
        description = "Sign in to TiDB Cloud and out again.",
        subcommands = {LoginCommand.class, LogoutCommand.class, StatusCommand.class, TokenCommand.class})
public final class AuthCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }
}
