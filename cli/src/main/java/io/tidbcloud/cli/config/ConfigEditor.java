package io.tidbcloud.cli.config;

import io.tidbcloud.cli.CliException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads config.toml, changes it, writes it back (0600, atomically). */
final class ConfigEditor {

    private static final String NAME_PATTERN = "[A-Za-z0-9_-]{1,64}";

    private final Settings settings;
    private String currentProfile;
    private final Map<String, Profile> profiles;

    ConfigEditor(Settings settings) {
        this.settings = settings;
        ConfigFile.Contents contents = settings.contents();
        this.currentProfile = contents.currentProfile();
        this.profiles = new LinkedHashMap<>(contents.profiles());
    }

    /** {@code name}, when it is a profile name config.toml can hold; else a usage error. */
    static String validName(String name) {
        if (!name.matches(NAME_PATTERN) || name.equals(ConfigFile.CURRENT_PROFILE)) {
            throw CliException.usage(
                    "Invalid profile name '" + name + "': use letters, digits, '-' and '_' (at most 64)");
        }
        return name;
    }

    String currentProfile() {
        return currentProfile;
    }

    Map<String, Profile> profiles() {
        return profiles;
    }

    /** The profile as written; "default" exists implicitly with the defaults. */
    Profile existing(String name) {
        Profile profile = profiles.get(name);
        if (profile == null && Profile.DEFAULT_NAME.equals(name)) {
            return Profile.defaults(name);
        }
        if (profile == null) {
            throw CliException.error("Profile \"" + name + "\" does not exist: see `ticloud config list`.");
        }
        return profile;
    }

    boolean exists(String name) {
        return profiles.containsKey(name);
    }

    void put(Profile profile) {
        profiles.put(profile.name(), profile);
    }

    void remove(String name) {
        profiles.remove(name);
    }

    void use(String name) {
        currentProfile = name;
    }

    void save() throws IOException {
        ConfigFile.write(settings.configFile(), new ConfigFile.Contents(currentProfile, profiles));
    }
}
