package io.tidbcloud.cli.config;

import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.CliException;
import io.tidbcloud.cli.Commands;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code ticloud config delete NAME}: removes a profile. Refuses the current
 * profile (switch first) and a signed-in one (sign out first, which revokes
 * its tokens; deleting would only leave them valid at the server).
 */
public final class ConfigDeleteCommand {

    private final CliContext context;

    public ConfigDeleteCommand(CliContext context) {
        this.context = context;
    }

    /** What {@code config delete} was asked for: the profile. */
    public record Options(String name) {}

    static CommandSpec spec(CliContext context) {
        PositionalParamSpec name = Commands.parameter(String.class, "NAME").build();
        return Commands.command("delete", () -> new Options(name.getValue()), new ConfigDeleteCommand(context)::run)
                .description("Delete a profile (not the current one, nor one that is signed in).")
                .parameters(name)
                .build();
    }

    public int run(Options options) throws Exception {
        String name = options.name();
        ConfigEditor editor = new ConfigEditor(context.settings());
        if (!editor.exists(name)) {
            throw CliException.error("Profile \"" + name + "\" does not exist: see `ticloud config list`.");
        }
        if (name.equals(editor.currentProfile())) {
            throw CliException.error("Profile \"" + name + "\" is the current profile: switch with "
                    + "`ticloud config use OTHER` first.");
        }
        if (context.credentials().load(name).isPresent()) {
            throw CliException.error(
                    "Profile \"" + name + "\" is signed in: run `ticloud -P " + name + " auth logout` first.");
        }
        editor.remove(name);
        editor.save();
        context.err().println("Deleted profile \"" + name + "\".");
        return 0;
    }
}
