package io.tidbcloud.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tidbcloud.cli.CliException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path home;

    @Test
    void withoutConfigTheDefaultProfilePointsAtTheLocalStack() {
        Settings settings = Settings.load(Map.of(), home);

        assertEquals(home.resolve(".ticloud"), settings.configDir());
        assertEquals(
                new Profile(
                        "default", "http://localhost:8180/realms/tidbcloud", "ticloud-cli", "http://localhost:8080"),
                settings.currentProfile());
    }

    @Test
    void configDirEnvironmentVariableMovesTheConfig() {
        Settings settings = Settings.load(Map.of("TICLOUD_CONFIG_DIR", "/tmp/elsewhere"), home);

        assertEquals(Path.of("/tmp/elsewhere"), settings.configDir());
    }

    @Test
    void currentProfileIsReadFromConfigToml() throws Exception {
        Files.createDirectories(home.resolve(".ticloud"));
        Files.writeString(home.resolve(".ticloud/config.toml"), """
                current-profile = "prod"

                [default]
                api-endpoint = "http://localhost:8080"

                [prod]
                oauth-endpoint = "https://auth.example.com/realms/tidbcloud"
                api-endpoint = "https://api.example.com"
                """);

        assertEquals(
                new Profile(
                        "prod", "https://auth.example.com/realms/tidbcloud", "ticloud-cli", "https://api.example.com"),
                Settings.load(Map.of(), home).currentProfile());
    }

    @Test
    void environmentOverridesWinOverTheFile() throws Exception {
        Files.createDirectories(home.resolve(".ticloud"));
        Files.writeString(home.resolve(".ticloud/config.toml"), """
                current-profile = "default"
                [default]
                oauth-endpoint = "https://auth.example.com/realms/tidbcloud"
                """);

        Profile profile = Settings.load(
                        Map.of(
                                "TICLOUD_OAUTH_ENDPOINT", "http://localhost:18180/realms/tidbcloud",
                                "TICLOUD_OAUTH_CLIENT_ID", "other-cli",
                                "TICLOUD_API_ENDPOINT", "http://localhost:18080"),
                        home)
                .currentProfile();

        assertEquals(
                new Profile(
                        "default", "http://localhost:18180/realms/tidbcloud", "other-cli", "http://localhost:18080"),
                profile);
    }

    @Test
    void currentProfileThatDoesNotExistIsAnError() throws Exception {
        Files.createDirectories(home.resolve(".ticloud"));
        Files.writeString(home.resolve(".ticloud/config.toml"), "current-profile = \"gone\"\n");

        CliException e = assertThrows(
                CliException.class, () -> Settings.load(Map.of(), home).currentProfile());

        assertEquals(
                "Profile \"gone\" (current-profile in " + home.resolve(".ticloud/config.toml") + ") does not exist.",
                e.getMessage());
    }

    @Test
    void configTomlThatIsNotTomlIsAnErrorNamingTheFile() throws Exception {
        Files.createDirectories(home.resolve(".ticloud"));
        Files.writeString(home.resolve(".ticloud/config.toml"), "current-profile = \n[[[");

        CliException e = assertThrows(CliException.class, () -> Settings.load(Map.of(), home));

        assertEquals(
                true, e.getMessage().startsWith("Cannot read " + home.resolve(".ticloud/config.toml")), e.getMessage());
    }

    @Test
    void writtenConfigReadsBackTheSame() throws Exception {
        Path file = home.resolve("config.toml");
        ConfigFile.Contents contents = new ConfigFile.Contents(
                "my profile",
                Map.of("my profile", new Profile("my profile", "http://a/\"quoted\"", "cli", "http://b")));

        ConfigFile.write(file, contents);

        assertEquals(contents, ConfigFile.read(file));
    }
}
