package io.tidbcloud.cli.config;

import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.Commands;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code ticloud config use NAME}: the profile every command uses from now on (unless -P). */
public final class ConfigUseCommand {

    private final CliContext context;

    public ConfigUseCommand(CliContext context) {
        this.context = context;
    }

    /** What {@code config use} was asked for: the profile. */
    public record Options(String name) {}

    static CommandSpec spec(CliContext context) {
        PositionalParamSpec name = Commands.parameter(String.class, "NAME")
                .description("An existing profile.")
                .build();
        return Commands.command("use", () -> new Options(name.getValue()), new ConfigUseCommand(context)::run)
                .description("Make a profile the current one.")
                .parameters(name)
                .build();
    }

    public int run(Options options) throws Exception {
        String name = options.name();
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
