package io.tidbcloud.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tidbcloud.cli.testing.HttpStub;
import io.tidbcloud.cli.testing.HttpStub.Response;
import io.tidbcloud.cli.testing.TestCli;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConfigCommandTest {

    @RegisterExtension
    final TestCli cli = TestCli.withStub();

    private final HttpStub stub = cli.stub;

    @BeforeEach
    void useOnlyTheProfilesInTheFile() {
        // profiles here come from the file, not from the environment overrides the other tests use
        cli.env.remove("TICLOUD_OAUTH_ENDPOINT");
        cli.env.remove("TICLOUD_API_ENDPOINT");
    }

    @Test
    void createUseListDescribeSetAndDeleteAProfile() throws Exception {
        TestCli.Result created =
                cli.run("config", "create", "staging", "--api-endpoint", "https://api.staging.example");
        assertEquals(0, created.exitCode(), created.err());
        assertEquals("Created profile \"staging\"; it is now the current profile.\n", created.err());

        TestCli.Result list = cli.run("config", "list");
        assertEquals("""
                   Name     OAuthEndpoint                           OAuthClientID  APIEndpoint
                   default  http://localhost:8180/realms/tidbcloud  ticloud-cli    http://localhost:8080
                *  staging  http://localhost:8180/realms/tidbcloud  ticloud-cli    https://api.staging.example
                """, list.out());

        TestCli.Result set = cli.run("config", "set", "oauth-endpoint", "https://sso.staging.example/realms/tidbcloud");
        assertEquals(0, set.exitCode(), set.err());
        assertEquals(
                "Set oauth-endpoint of profile \"staging\" to https://sso.staging.example/realms/tidbcloud.\n",
                set.err());

        TestCli.Result described = cli.run("config", "describe");
        assertEquals("""
                profile = "staging"
                oauth-endpoint = "https://sso.staging.example/realms/tidbcloud"
                oauth-client-id = "ticloud-cli"
                api-endpoint = "https://api.staging.example"
                """, described.out());

        TestCli.Result refused = cli.run("config", "delete", "staging");
        assertEquals(1, refused.exitCode());
        assertEquals(
                "Profile \"staging\" is the current profile: switch with `ticloud config use OTHER` first.\n",
                refused.err());

        TestCli.Result used = cli.run("config", "use", "default");
        assertEquals("Now using profile \"default\".\n", used.err());
        TestCli.Result deleted = cli.run("config", "delete", "staging");
        assertEquals(0, deleted.exitCode(), deleted.err());
        assertEquals("Deleted profile \"staging\".\n", deleted.err());

        assertEquals(TestCli.DEFAULT_CONFIG_TOML, Files.readString(cli.configDir.resolve("config.toml")));
    }

    @Test
    void profileOptionPicksTheApiAndTheTokensOfThatProfile() throws Exception {
        assertEquals(
                0,
                cli.run(
                                "config",
                                "create",
                                "stub",
                                "--no-use",
                                "--oauth-endpoint",
                                stub.base() + "/realms/tidbcloud",
                                "--api-endpoint",
                                stub.base().toString())
                        .exitCode());
        cli.credentials()
                .save(
                        "stub",
                        new io.tidbcloud.cli.credentials.Credentials(
                                stub.base() + "/realms/tidbcloud",
                                "ticloud-cli",
                                "at-stub",
                                "rt-stub",
                                null,
                                cli.clock.instant().getEpochSecond(),
                                cli.clock.instant().getEpochSecond() + 300,
                                "openid",
                                "alice@example.com"));
        stub.on(
                "GET",
                "/v1beta1/projects",
                Response.json(200, "{\"projects\":[],\"nextPageToken\":\"\",\"totalSize\":0}"));

        TestCli.Result withProfile = cli.run("-P", "stub", "project", "list", "-o", "json");
        assertEquals(0, withProfile.exitCode(), withProfile.err());
        assertEquals("Bearer at-stub", stub.requests().get(0).header("Authorization"));

        TestCli.Result current = cli.run("project", "list");
        assertEquals(4, current.exitCode());
        assertEquals("Not signed in: run `ticloud auth login`\n", current.err());
    }

    @Test
    void unknownProfileIsAnErrorThatSaysWhereToLook() {
        TestCli.Result result = cli.run("--profile", "nope", "auth", "status");

        assertEquals(1, result.exitCode());
        assertEquals("Profile \"nope\" does not exist: see `ticloud config list`.\n", result.err());
    }

    @Test
    void creatingAnExistingProfileFails() {
        cli.run("config", "create", "staging");

        TestCli.Result again = cli.run("config", "create", "staging");

        assertEquals(1, again.exitCode());
        assertEquals(
                "Profile \"staging\" already exists: change it with `ticloud -P staging config set KEY VALUE`.\n",
                again.err());
    }

    @Test
    void environmentOverridesAreNamedInDescribe() {
        cli.env.put("TICLOUD_API_ENDPOINT", "http://localhost:18080");

        TestCli.Result result = cli.run("config", "describe", "-o", "human");

        assertEquals("""
                profile = "default"
                oauth-endpoint = "http://localhost:8180/realms/tidbcloud"
                oauth-client-id = "ticloud-cli"
                api-endpoint = "http://localhost:18080"  # from TICLOUD_API_ENDPOINT
                """, result.out());
    }
}
