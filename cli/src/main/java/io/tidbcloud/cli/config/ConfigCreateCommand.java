package io.tidbcloud.cli.config;

import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.CliException;
import io.tidbcloud.cli.Commands;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code ticloud config create NAME [--oauth-endpoint URL] [--oauth-client-id ID] [--api-endpoint URL] [--no-use]}. */
public final class ConfigCreateCommand implements Callable<Integer> {

    private final PositionalParamSpec name = Commands.parameter(String.class, "NAME")
            .description("Profile name: letters, digits, '-' and '_'.").build();

    private final OptionSpec oauthEndpoint = Commands.option(String.class, "--oauth-endpoint").paramLabel("URL")
            .description("Realm URL (default: " + Profile.DEFAULT_OAUTH_ENDPOINT + ").").build();

    private final OptionSpec oauthClientId = Commands.option(String.class, "--oauth-client-id").paramLabel("ID")
            .description("OAuth client (default: " + Profile.DEFAULT_OAUTH_CLIENT_ID + ").").build();

    private final OptionSpec apiEndpoint = Commands.option(String.class, "--api-endpoint").paramLabel("URL")
            .description("Cloud API base URL (default: " + Profile.DEFAULT_API_ENDPOINT + ").").build();

    private final OptionSpec noUse = Commands.flag("--no-use").description("Keep the current profile as it is.").build();

    private final CliContext context;

    public ConfigCreateCommand(CliContext context) {
        this.context = context;
    }

    CommandSpec spec() {
        return Commands.command(this, "create")
                .description("Create a profile (unset keys take the defaults) and make it the current one unless "
                        + "--no-use.")
                .parameters(name)
                .options(oauthEndpoint, oauthClientId, apiEndpoint, noUse)
                .build();
    }

    @Override
    public Integer call() throws Exception {
        String name = ConfigEditor.validName(this.name);
        boolean noUse = this.noUse.getValue();
        Profile profile = Profile.defaults(name);
        profile = with(profile, ProfileKey.OAUTH_ENDPOINT, oauthEndpoint);
        profile = with(profile, ProfileKey.OAUTH_CLIENT_ID, oauthClientId);
        profile = with(profile, ProfileKey.API_ENDPOINT, apiEndpoint);
        ConfigEditor editor = new ConfigEditor(context.settings());
        if (editor.exists(name)) {
            throw CliException.error("Profile \"" + name + "\" already exists: change it with `ticloud -P " + name
                    + " config set KEY VALUE`.");
        }
        if (!editor.exists(Profile.DEFAULT_NAME) && !name.equals(Profile.DEFAULT_NAME)) {
            editor.put(Profile.defaults(Profile.DEFAULT_NAME)); // keep the implicit default visible in the file
        }
        editor.put(profile);
        if (!noUse) {
            editor.use(name);
        }
        editor.save();
        context.err().println("Created profile \"" + name + "\"" + (noUse ? "." : "; it is now the current profile."));
        return 0;
    }

    /** {@code profile} with {@code key} set to the value of {@code option}, when given and valid. */
    private static Profile with(Profile profile, ProfileKey key, ArgSpec option) {
        String value = option.getValue();
        if (value == null) {
            return profile;
        }
        try {
            return key.with(profile, key.validate(value));
        } catch (IllegalArgumentException e) {
            throw Commands.usageError(option, e.getMessage());
        }
    }
}
