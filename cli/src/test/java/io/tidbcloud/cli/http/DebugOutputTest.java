package io.tidbcloud.cli.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidbcloud.cli.testing.HttpStub;
import io.tidbcloud.cli.testing.HttpStub.Response;
import io.tidbcloud.cli.testing.TestCli;
import io.tidbcloud.cli.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DebugOutputTest {

    @RegisterExtension
    final TestCli cli = TestCli.withStub();

    private final HttpStub stub = cli.stub;

    @Test
    void debugPrintsEachExchangeWithEveryTokenMasked() throws Exception {
        cli.signIn("at-secret-old", "rt-secret-old", 10);
        stub.on(
                "POST",
                "/realms/tidbcloud/protocol/openid-connect/token",
                Tokens.tokenResponse("at-secret-new", "rt-secret-new", "alice@example.com"));
        stub.on(
                "GET",
                "/v1beta1/projects",
                Response.json(200, "{\"projects\":[],\"nextPageToken\":\"\",\"totalSize\":0}"));

        TestCli.Result result = cli.run("-D", "project", "list", "-o", "json");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("{\n  \"projects\": []\n}\n", result.out());
        String err = result.err();
        assertTrue(err.contains("> POST " + stub.base() + "/realms/tidbcloud/protocol/openid-connect/token\n"), err);
        assertTrue(err.contains("refresh_token=***"), err);
        assertTrue(err.contains("\"access_token\":\"***\""), err);
        assertTrue(err.contains("\"refresh_token\":\"***\""), err);
        assertTrue(err.contains("\"id_token\":\"***\""), err);
        assertTrue(err.contains("> GET " + stub.base() + "/v1beta1/projects?pageSize=100\n"), err);
        assertTrue(err.contains("> Authorization: Bearer ***\n"), err);
        assertTrue(err.contains("< HTTP 200 (0 ms)\n"), err);
        assertFalse(err.contains("secret"), err);
    }

    @Test
    void withoutDebugNothingGoesToStderr() throws Exception {
        cli.signIn("at-1", "rt-1", 300);
        stub.on(
                "GET",
                "/v1beta1/projects",
                Response.json(200, "{\"projects\":[],\"nextPageToken\":\"\",\"totalSize\":0}"));

        assertEquals("", cli.run("project", "list", "-o", "json").err());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "grant_type=refresh_token&refresh_token=abc&client_id=ticloud-cli|grant_type=refresh_token&refresh_token=***&client_id=ticloud-cli",
                "token=abc&token_type_hint=access_token|token=***&token_type_hint=access_token",
                "client_id=ticloud-cli&device_code=abc&grant_type=x|client_id=ticloud-cli&device_code=***&grant_type=x",
                "{\"access_token\": \"abc\", \"expires_in\": 300}|{\"access_token\": \"***\", \"expires_in\": 300}",
                "{\"device_code\":\"abc\",\"user_code\":\"WDJB-MJHT\"}|{\"device_code\":\"***\",\"user_code\":\"WDJB-MJHT\"}",
                "{\"code\":16,\"message\":\"invalid token\"}|{\"code\":16,\"message\":\"invalid token\"}",
            })
    void bodiesAreMaskedButStayReadable(String body, String masked) {
        assertEquals(masked, Secrets.maskBody(body));
    }
}
