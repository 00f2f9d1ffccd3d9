package io.tidbcloud.cli.config;

import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.CliException;
import io.tidbcloud.cli.Commands;
import java.util.Arrays;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code ticloud [-P NAME] config set KEY VALUE}: changes one key of the current (or -P) profile. */
public final class ConfigSetCommand {

    private final CliContext context;

    public ConfigSetCommand(CliContext context) {
        this.context = context;
    }

    /**
     * What {@code config set} was asked for.
     *
     * @param key   the key to set
     * @param value its new value, valid for the key (as {@link ProfileKey#validate} returns it)
     */
    public record Options(ProfileKey key, String value) {
        public Options {
            try {
                value = key.validate(value);
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
        }

        /** The options for the key named {@code key}; a usage error when no key has that name. */
        static Options of(String key, String value) {
            try {
                return new Options(ProfileKey.parse(key), value);
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
        }
    }

    static CommandSpec spec(CliContext context) {
        PositionalParamSpec key = Commands.parameter(String.class, "KEY")
                .index("0")
                .completionCandidates(
                        Arrays.stream(ProfileKey.values()).map(ProfileKey::key).toList())
                .description("${COMPLETION-CANDIDATES}")
                .build();
        PositionalParamSpec value =
                Commands.parameter(String.class, "VALUE").index("1").build();
        return Commands.command(
                        "set", () -> Options.of(key.getValue(), value.getValue()), new ConfigSetCommand(context)::run)
                .description("Set a key of the current profile (or of -P PROFILE): oauth-endpoint, oauth-client-id, "
                        + "api-endpoint.")
                .parameters(key, value)
                .build();
    }

    public int run(Options options) throws Exception {
        ProfileKey profileKey = options.key();
        String checked = options.value();
        ConfigEditor editor = new ConfigEditor(context.settings());
        String name = context.options().profile() != null ? context.options().profile() : editor.currentProfile();
        editor.put(profileKey.with(editor.existing(name), checked));
        editor.save();
        context.err().println("Set " + profileKey.key() + " of profile \"" + name + "\" to " + checked + ".");
        String overridden = context.env().get(profileKey.environmentVariable());
        if (overridden != null && !overridden.isBlank()) {
            context.err().println("Note: " + profileKey.environmentVariable() + " is set and wins over the file.");
        }
        return 0;
    }
}
