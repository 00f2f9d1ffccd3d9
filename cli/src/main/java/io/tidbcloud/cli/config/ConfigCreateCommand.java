package io.tidbcloud.cli.config;

import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.CliException;
import io.tidbcloud.cli.Commands;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code ticloud config create NAME [--oauth-endpoint URL] [--oauth-client-id ID] [--api-endpoint URL] [--no-use]}. */
public final class ConfigCreateCommand {

    /**
     * What {@code config create} was asked for; each endpoint or client id is null to take the default, or a
     * valid value (as {@link ProfileKey#validate} returns it).
     *
     * @param name          the new profile's name: letters, digits, '-' and '_'
     * @param oauthEndpoint the realm URL
     * @param oauthClientId the OAuth client
     * @param apiEndpoint   the cloud API base URL
     * @param noUse         keep the current profile as it is
     */
    public record Options(String name, String oauthEndpoint, String oauthClientId, String apiEndpoint, boolean noUse) {
        public Options {
            ConfigEditor.validName(name);
            oauthEndpoint = valid(ProfileKey.OAUTH_ENDPOINT, oauthEndpoint);
            oauthClientId = valid(ProfileKey.OAUTH_CLIENT_ID, oauthClientId);
            apiEndpoint = valid(ProfileKey.API_ENDPOINT, apiEndpoint);
        }

        private static String valid(ProfileKey key, String value) {
            try {
                return value == null ? null : key.validate(value);
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
        }
    }

    private final CliContext context;

    public ConfigCreateCommand(CliContext context) {
        this.context = context;
    }

    static CommandSpec spec(CliContext context) {
        PositionalParamSpec name = Commands.parameter(String.class, "NAME")
                .description("Profile name: letters, digits, '-' and '_'.")
                .build();
        OptionSpec oauthEndpoint = Commands.option(String.class, "--oauth-endpoint")
                .paramLabel("URL")
                .description("Realm URL (default: " + Profile.DEFAULT_OAUTH_ENDPOINT + ").")
                .build();
        OptionSpec oauthClientId = Commands.option(String.class, "--oauth-client-id")
                .paramLabel("ID")
                .description("OAuth client (default: " + Profile.DEFAULT_OAUTH_CLIENT_ID + ").")
                .build();
        OptionSpec apiEndpoint = Commands.option(String.class, "--api-endpoint")
                .paramLabel("URL")
                .description("Cloud API base URL (default: " + Profile.DEFAULT_API_ENDPOINT + ").")
                .build();
        OptionSpec noUse = Commands.flag("--no-use")
                .description("Keep the current profile as it is.")
                .build();
        return Commands.command(
                        "create",
                        () -> new Options(
                                name.getValue(),
                                oauthEndpoint.getValue(),
                                oauthClientId.getValue(),
                                apiEndpoint.getValue(),
                                noUse.getValue()),
                        new ConfigCreateCommand(context)::run)
                .description("Create a profile (unset keys take the defaults) and make it the current one unless "
                        + "--no-use.")
                .parameters(name)
                .options(oauthEndpoint, oauthClientId, apiEndpoint, noUse)
                .build();
    }

    public int run(Options options) throws Exception {
        String name = options.name();
        boolean noUse = options.noUse();
        Profile profile = Profile.defaults(name);
        profile = with(profile, ProfileKey.OAUTH_ENDPOINT, options.oauthEndpoint());
        profile = with(profile, ProfileKey.OAUTH_CLIENT_ID, options.oauthClientId());
        profile = with(profile, ProfileKey.API_ENDPOINT, options.apiEndpoint());
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

    /** {@code profile} with {@code key} set to {@code value}, when given. */
    private static Profile with(Profile profile, ProfileKey key, String value) {
        return value == null ? profile : key.with(profile, value);
    }
}
