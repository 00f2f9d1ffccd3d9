package io.tidbcloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidbcloud.cli.auth.LoginCommand;
import io.tidbcloud.cli.output.OutputFormat;
import io.tidbcloud.cli.project.ProjectListCommand;
import io.tidbcloud.cli.testing.HttpStub;
import io.tidbcloud.cli.testing.TestCli;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** What each command line parses to, apart from running it; and the usage errors (exit 2). */
class CommandParsingTest {

    private final HttpStub stub = new HttpStub();
    private TestCli cli;

    @TempDir
    Path tempDir;

    @BeforeEach
    void setUp() {
        cli = new TestCli(stub, tempDir);
    }

    @AfterEach
    void close() {
        stub.verifyAllUsed();
        stub.close();
    }

    private static CommandLine parse(String... args) {
        CommandLine root = Ticloud.commandLine(CliContext.system());
        ParseResult result = root.parseArgs(args);
        while (result.hasSubcommand()) {
            result = result.subcommand();
        }
        return result.commandSpec().commandLine();
    }

    @SuppressWarnings("unchecked")
    private static <T> T field(Object command, String name) throws ReflectiveOperationException {
        Field field = command.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return (T) field.get(command);
    }

    @Test
    void loginWithoutOptionsOpensABrowserAndAsksForTheFourApiScopes() throws Exception {
        LoginCommand login = parse("auth", "login").getCommand();

        assertFalse((boolean) field(login, "noBrowser"));
        assertNull(field(login, "idp"));
        assertEquals(List.of("project:read", "project:write", "cluster:read", "cluster:write"),
                field(login, "scopes"));
    }

    @Test
    void loginOptionsParseToNoBrowserScopesAndIdentityProvider() throws Exception {
        LoginCommand login = parse("auth", "login", "--no-browser", "--scopes", "project:read,cluster:read",
                "--idp", "google").getCommand();

        assertTrue((boolean) field(login, "noBrowser"));
        assertEquals(List.of("project:read", "cluster:read"), field(login, "scopes"));
        assertEquals(LoginCommand.IdentityProvider.google, field(login, "idp"));
    }

    @Test
    void projectListOutputDefaultsToHumanAndAcceptsJsonInAnyCase() throws Exception {
        assertEquals(OutputFormat.human, field(parse("project", "list").getCommand(), "output"));
        ProjectListCommand json = parse("project", "list", "--output", "JSON").getCommand();
        assertEquals(OutputFormat.json, field(json, "output"));
    }

    @ParameterizedTest(name = "ticloud {0} is a usage error")
    @CsvSource(delimiter = '|', value = {
        "''                                  | Missing command",
        "auth                                | Missing command",
        "project                             | Missing command",
        "auth login --idp github             | Invalid value for option '--idp': expected one of [google, microsoft]",
        "auth login --scopes project:read,,x | Invalid scope '' in --scopes",
        "auth login --browser                | Unknown option: '--browser'",
        "project list -o yaml                | Invalid value for option '--output': expected one of [human, json]",
        "project delete                      | Unmatched argument at index 1: 'delete'",
    })
    void usageErrorsExitTwoAndExplainOnStderr(String args, String message) {
        String[] argv = args.isBlank() ? new String[0] : args.split(" ");

        TestCli.Result result = cli.run(argv);

        assertEquals(2, result.exitCode());
        assertEquals("", result.out());
        assertTrue(result.err().startsWith(message), result.err());
        assertTrue(result.err().contains("Usage: ticloud"), result.err());
    }

    @Test
    void versionPrintsTheVersionOnStdout() {
        TestCli.Result result = cli.run("--version");

        assertEquals(0, result.exitCode());
        assertEquals("ticloud dev\n", result.out());
    }

    @ParameterizedTest(name = "ticloud {0} --help prints usage on stdout")
    @CsvSource({"'', Usage: ticloud [-hV] [COMMAND]", "auth, Usage: ticloud auth",
        "auth login, Usage: ticloud auth login", "auth logout, Usage: ticloud auth logout",
        "project, Usage: ticloud project", "project list, Usage: ticloud project list"})
    void helpWorksOnEveryCommand(String command, String usage) {
        List<String> argv = new java.util.ArrayList<>(command.isBlank() ? List.of() : List.of(command.split(" ")));
        argv.add("--help");

        TestCli.Result result = cli.run(argv.toArray(String[]::new));

        assertEquals(0, result.exitCode());
        assertTrue(result.out().startsWith(usage), result.out());
        assertEquals("", result.err());
    }
}
