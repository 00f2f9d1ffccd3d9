package io.tidbcloud.cli.config;

import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.Commands;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code ticloud [-P NAME] config set KEY VALUE}: changes one key of the current (or -P) profile. */
public final class ConfigSetCommand implements Callable<Integer> {

    private final PositionalParamSpec key = Commands.parameter(String.class, "KEY").index("0")
            .completionCandidates(Arrays.stream(ProfileKey.values()).map(ProfileKey::key).toList())
            .description("${COMPLETION-CANDIDATES}").build();

    private final PositionalParamSpec value = Commands.parameter(String.class, "VALUE").index("1").build();

    private final CliContext context;

    public ConfigSetCommand(CliContext context) {
        this.context = context;
    }

    CommandSpec spec() {
        return Commands.command(this, "set")
                .description("Set a key of the current profile (or of -P PROFILE): oauth-endpoint, oauth-client-id, "
                        + "api-endpoint.")
                .parameters(key, value)
                .build();
    }

    @Override
    public Integer call() throws Exception {
        ProfileKey profileKey;
        String checked;
        try {
            profileKey = ProfileKey.parse(key.getValue());
        } catch (IllegalArgumentException e) {
            throw Commands.usageError(key, e.getMessage());
        }
        try {
            checked = profileKey.validate(value.getValue());
        } catch (IllegalArgumentException e) {
            throw Commands.usageError(value, e.getMessage());
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
