package io.tidbcloud.cli.auth;

import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.Commands;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ticloud auth}: login, logout, status (whoami), token. */
public final class AuthCommand {

    public static final String NAME = "auth";

    private AuthCommand() {}

    public static CommandSpec spec(CliContext context) {
        return Commands.group(NAME)
                .description("Sign in to TiDB Cloud and out again.")
                .subcommands(
                        LoginCommand.spec(context),
                        LogoutCommand.spec(context),
                        StatusCommand.spec(context),
                        TokenCommand.spec(context))
                .build();
    }
}
