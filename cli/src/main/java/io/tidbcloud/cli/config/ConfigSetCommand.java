package io.tidbcloud.cli.config;

import io.tidbcloud.cli.CliContext;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ticloud [-P NAME] config set KEY VALUE}: changes one key of the current (or -P) profile. */
@Command(name = "set",
        mixinStandardHelpOptions = true,
        description = "Set a key of the current profile (or of -P PROFILE): oauth-endpoint, oauth-client-id, api-endpoint.")
public final class ConfigSetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEY", completionCandidates = Keys.class,
            description = "${COMPLETION-CANDIDATES}")
    String key;

    @Parameters(index = "1", paramLabel = "VALUE")
    String value;

    private final CliContext context;

    public ConfigSetCommand(CliContext context) {
        this.context = context;
    }

    static final class Keys extends java.util.ArrayList<String> {
        Keys() {
            for (ProfileKey key : ProfileKey.values()) {
                add(key.key());
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        ProfileKey profileKey;
        String checked;
        try {
            profileKey = ProfileKey.parse(key);
            checked = profileKey.validate(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
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
