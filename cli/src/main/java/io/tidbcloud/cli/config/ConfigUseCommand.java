package io.tidbcloud.cli.config;

import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.Commands;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code ticloud config use NAME}: the profile every command uses from now on (unless -P). */
public final class ConfigUseCommand implements Callable<Integer> {

    private final PositionalParamSpec name = Commands.parameter(String.class, "NAME")
            .description("An existing profile.").build();

    private final CliContext context;

    public ConfigUseCommand(CliContext context) {
        this.context = context;
    }

    CommandSpec spec() {
        return Commands.command(this, "use")
                .description("Make a profile the current one.")
                .parameters(name)
                .build();
    }

    @Override
    public Integer call() throws Exception {
        String name = this.name.getValue();
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
