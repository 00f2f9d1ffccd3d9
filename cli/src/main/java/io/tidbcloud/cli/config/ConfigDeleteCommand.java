package io.tidbcloud.cli.config;

import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.CliException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ticloud config delete NAME}: removes a profile. Refuses the current
 * profile (switch first) and a signed-in one (sign out first, which revokes
 * its tokens; deleting would only leave them valid at the server).
 */
@Command(name = "delete",
        mixinStandardHelpOptions = true,
        description = "Delete a profile (not the current one, nor one that is signed in).")
public final class ConfigDeleteCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME")
    String name;

    private final CliContext context;

    public ConfigDeleteCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        ConfigEditor editor = new ConfigEditor(context.settings());
        if (!editor.exists(name)) {
            throw CliException.error("Profile \"" + name + "\" does not exist: see `ticloud config list`.");
        }
        if (name.equals(editor.currentProfile())) {
            throw CliException.error("Profile \"" + name + "\" is the current profile: switch with "
                    + "`ticloud config use OTHER` first.");
        }
        if (context.credentials().load(name).isPresent()) {
            throw CliException.error("Profile \"" + name + "\" is signed in: run `ticloud -P " + name
                    + " auth logout` first.");
        }
        editor.remove(name);
        editor.save();
        context.err().println("Deleted profile \"" + name + "\".");
        return 0;
    }
}
