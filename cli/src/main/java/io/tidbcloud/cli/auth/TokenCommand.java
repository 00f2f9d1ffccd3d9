package io.tidbcloud.cli.auth;

import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.Commands;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ticloud auth token}: a valid access token on stdout, refreshed first
 * when it has 30 seconds or less left, for scripts:
 * {@code curl -H "Authorization: Bearer $(ticloud auth token)" ...}.
 */
public final class TokenCommand {

    private final CliContext context;

    public TokenCommand(CliContext context) {
        this.context = context;
    }

    static CommandSpec spec(CliContext context) {
        return Commands.command("token", new TokenCommand(context)::run)
                .description(
                        "Print a valid access token (refreshed if needed) for scripts.",
                        "Example: curl -H \"Authorization: Bearer $(ticloud auth token)\" "
                                + "http://localhost:8080/v1beta1/projects")
                .build();
    }

    /** Token has no options of its own. */
    public int run() throws Exception {
        context.out().println(TokenSource.forProfile(context, context.profile()).accessToken());
        context.out().flush();
        return 0;
    }
}
