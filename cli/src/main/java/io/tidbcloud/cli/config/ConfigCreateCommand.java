package io.tidbcloud.cli.config;

import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.CliException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ticloud config create NAME [--oauth-endpoint URL] [--oauth-client-id ID] [--api-endpoint URL] [--no-use]}. */
@Command(name = "create",
        mixinStandardHelpOptions = true,
        description = "Create a profile (unset keys take the defaults) and make it the current one unless --no-use.")
public final class ConfigCreateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "Profile name: letters, digits, '-' and '_'.")
    String name;

    @Option(names = "--oauth-endpoint", paramLabel = "URL", description = "Realm URL (default: "
            + Profile.DEFAULT_OAUTH_ENDPOINT + ").")
    String oauthEndpoint;

    @Option(names = "--oauth-client-id", paramLabel = "ID", description = "OAuth client (default: "
            + Profile.DEFAULT_OAUTH_CLIENT_ID + ").")
    String oauthClientId;

    @Option(names = "--api-endpoint", paramLabel = "URL", description = "Cloud API base URL (default: "
            + Profile.DEFAULT_API_ENDPOINT + ").")
    String apiEndpoint;

    @Option(names = "--no-use", description = "Keep the current profile as it is.")
    boolean noUse;

    private final CliContext context;

    public ConfigCreateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        ConfigEditor.validName(spec, name);
        Profile profile = Profile.defaults(name);
        try {
            if (oauthEndpoint != null) {
                profile = ProfileKey.OAUTH_ENDPOINT.with(profile, ProfileKey.OAUTH_ENDPOINT.validate(oauthEndpoint));
            }
            if (oauthClientId != null) {
                profile = ProfileKey.OAUTH_CLIENT_ID.with(profile, ProfileKey.OAUTH_CLIENT_ID.validate(oauthClientId));
            }
            if (apiEndpoint != null) {
                profile = ProfileKey.API_ENDPOINT.with(profile, ProfileKey.API_ENDPOINT.validate(apiEndpoint));
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
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
}
