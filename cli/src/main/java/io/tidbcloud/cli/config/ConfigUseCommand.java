package io.tidbcloud.cli.config;

import io.tidbcloud.cli.CliContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ticloud config use NAME}: the profile every command uses from now on (unless -P). */
@Command(name = "use",
        mixinStandardHelpOptions = true,
        description = "Make a profile the current one.")
public final class ConfigUseCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "An existing profile.")
    String name;

    private final CliContext context;

    public ConfigUseCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        ConfigEditor editor = new ConfigEditor(context.settings());
        editor.existing(name);
        if (!editor.exists(name)) {
            editor.put(Profile.defaults(name));
        }
        editor.use(name);
        editor.save();
        context.err().println("Now using profile \"" + name + "\".");
        return 0;
    }
}
