package io.tidbcloud.cli.config;

import io.tidbcloud.cli.CliException;
import io.tidbcloud.cli.credentials.SecureFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The configuration in effect: the config directory, {@code config.toml}, and
 * the environment overrides {@code TICLOUD_OAUTH_ENDPOINT},
 * {@code TICLOUD_OAUTH_CLIENT_ID} and {@code TICLOUD_API_ENDPOINT}, which win
 * over the file (the tests and CI point the CLI at their stack with them).
 */
public final class Settings {

    public static final String CONFIG_DIR_ENV = "TICLOUD_CONFIG_DIR";
    public static final String OAUTH_ENDPOINT_ENV = "TICLOUD_OAUTH_ENDPOINT";
    public static final String OAUTH_CLIENT_ID_ENV = "TICLOUD_OAUTH_CLIENT_ID";
    public static final String API_ENDPOINT_ENV = "TICLOUD_API_ENDPOINT";

    private final Path configDir;
    private final ConfigFile.Contents contents;
    private final Map<String, String> env;

    private Settings(Path configDir, ConfigFile.Contents contents, Map<String, String> env) {
        this.configDir = configDir;
        this.contents = contents;
        this.env = env;
    }

    public static Settings load(Map<String, String> env, Path home) {
        Path configDir = configDir(env, home);
        return new Settings(configDir, ConfigFile.read(configDir.resolve(ConfigFile.NAME)), env);
    }

    /** $TICLOUD_CONFIG_DIR, else ~/.ticloud; without reading config.toml. */
    public static Path configDir(Map<String, String> env, Path home) {
        String dir = env.get(CONFIG_DIR_ENV);
        return dir == null || dir.isBlank() ? home.resolve(".ticloud") : Path.of(dir);
    }

    public Path configDir() {
        return configDir;
    }

    /** The current profile, file values over defaults, environment over both. */
    public Profile currentProfile() {
        return profile(null);
    }

    /** The parsed config.toml (defaults when there is none). */
    public ConfigFile.Contents contents() {
        return contents;
    }

    public Path configFile() {
        return configDir.resolve(ConfigFile.NAME);
    }

    /**
     * The named profile (from -P), or the current one when {@code name} is null:
     * file values over defaults, environment over both.
     */
    public Profile profile(String requested) {
        String name = requested != null ? requested : contents.currentProfile();
        Profile written = contents.profiles().get(name);
        if (written == null && !Profile.DEFAULT_NAME.equals(name)) {
            throw CliException.error(
                    requested != null
                            ? "Profile \"" + name + "\" does not exist: see `ticloud config list`."
                            : "Profile \"" + name + "\" (current-profile in " + configFile() + ") does not exist.");
        }
        Profile defaults = Profile.defaults(name);
        Profile base = written == null ? defaults : written;
        return new Profile(
                name,
                firstSet(env.get(OAUTH_ENDPOINT_ENV), base.oauthEndpoint(), defaults.oauthEndpoint()),
                firstSet(env.get(OAUTH_CLIENT_ID_ENV), base.oauthClientId(), defaults.oauthClientId()),
                firstSet(env.get(API_ENDPOINT_ENV), base.apiEndpoint(), defaults.apiEndpoint()));
    }

    /** Writes config.toml with the defaults when there is none yet, so a person can find and edit it. */
    public void writeDefaultsIfMissing() throws IOException {
        SecureFiles.ensurePrivateDirectory(configDir);
        Path file = configDir.resolve(ConfigFile.NAME);
        if (!Files.exists(file)) {
            ConfigFile.write(file, ConfigFile.Contents.defaults());
        }
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }
}
