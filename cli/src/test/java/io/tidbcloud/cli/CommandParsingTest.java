package io.tidbcloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.tidbcloud.cli.auth.LoginCommand;
import io.tidbcloud.cli.auth.StatusCommand;
import io.tidbcloud.cli.config.ConfigCreateCommand;
import io.tidbcloud.cli.config.ConfigDeleteCommand;
import io.tidbcloud.cli.config.ConfigDescribeCommand;
import io.tidbcloud.cli.config.ConfigListCommand;
import io.tidbcloud.cli.config.ConfigSetCommand;
import io.tidbcloud.cli.config.ConfigUseCommand;
import io.tidbcloud.cli.config.ProfileKey;
import io.tidbcloud.cli.output.OutputFormat;
import io.tidbcloud.cli.project.ProjectListCommand;
import io.tidbcloud.cli.serverless.ClusterCreateCommand;
import io.tidbcloud.cli.serverless.ClusterDeleteCommand;
import io.tidbcloud.cli.serverless.ClusterDescribeCommand;
import io.tidbcloud.cli.serverless.ClusterListCommand;
import io.tidbcloud.cli.serverless.ClusterUpdateCommand;
import io.tidbcloud.cli.testing.TestCli;
import io.tidbcloud.contract.login.IdentityProvider;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** What each command line parses to, apart from running it; and the usage errors (exit 2). */
class CommandParsingTest {

    @RegisterExtension
    final TestCli cli = TestCli.withStub();

    private static CommandLine parse(String... args) {
        CommandLine root = Ticloud.commandLine(CliContext.system(), args); // the tree a run with these args builds
        ParseResult result = root.parseArgs(args);
        while (result.hasSubcommand()) {
            result = result.subcommand();
        }
        return result.commandSpec().commandLine();
    }

    /** The options record that {@code args} parse to, which the command's {@code run} would get. */
    private static Object options(String... args) {
        return ((Commands.Parsed<?>) parse(args).getCommand()).options();
    }

    static Stream<Arguments> commandLinesAndTheirOptions() {
        List<String> defaultScopes = LoginCommand.DEFAULT_SCOPES.subList(1, LoginCommand.DEFAULT_SCOPES.size());
        return Stream.of(
                arguments("auth login", new LoginCommand.Options(false, defaultScopes, null)),
                arguments(
                        "auth login --no-browser --scopes project:read,cluster:read --idp google",
                        new LoginCommand.Options(
                                true, List.of("project:read", "cluster:read"), IdentityProvider.GOOGLE)),
                arguments(
                        "auth login --idp=MICROSOFT",
                        new LoginCommand.Options(false, defaultScopes, IdentityProvider.MICROSOFT)),
                arguments("auth status", new StatusCommand.Options(OutputFormat.human)),
                arguments("auth whoami -o json", new StatusCommand.Options(OutputFormat.json)),
                arguments("project list", new ProjectListCommand.Options(OutputFormat.human)),
                arguments("project ls --output JSON", new ProjectListCommand.Options(OutputFormat.json)),
                arguments("serverless list -p 42", new ClusterListCommand.Options("42", OutputFormat.human)),
                arguments("serverless ls", new ClusterListCommand.Options(null, OutputFormat.human)),
                arguments(
                        "serverless create --display-name db --region aws-us-east-1 --project-id 42 --no-wait -o json",
                        new ClusterCreateCommand.Options("db", "aws-us-east-1", "42", true, OutputFormat.json)),
                arguments(
                        "serverless create -n db -r regions/aws-us-east-1",
                        new ClusterCreateCommand.Options(
                                "db", "regions/aws-us-east-1", null, false, OutputFormat.human)),
                arguments("serverless describe -c 7", new ClusterDescribeCommand.Options("7", OutputFormat.human)),
                arguments(
                        "serverless get --cluster-id 7 -o json",
                        new ClusterDescribeCommand.Options("7", OutputFormat.json)),
                arguments(
                        "serverless update -c 7 -n renamed",
                        new ClusterUpdateCommand.Options("7", "renamed", null, OutputFormat.human)),
                arguments(
                        "serverless update --cluster-id 7 --labels {\"team\":\"data\",\"tier\":1}",
                        new ClusterUpdateCommand.Options(
                                "7", null, Map.of("team", "data", "tier", "1"), OutputFormat.human)),
                arguments(
                        "serverless delete --cluster-id 7 --force",
                        new ClusterDeleteCommand.Options("7", true, OutputFormat.human)),
                arguments("serverless delete -c 7", new ClusterDeleteCommand.Options("7", false, OutputFormat.human)),
                arguments(
                        "config create staging --api-endpoint https://api.example.com --no-use",
                        new ConfigCreateCommand.Options("staging", null, null, "https://api.example.com", true)),
                arguments("config use staging", new ConfigUseCommand.Options("staging")),
                arguments("config list -o json", new ConfigListCommand.Options(OutputFormat.json)),
                arguments("config describe", new ConfigDescribeCommand.Options(null, OutputFormat.human)),
                arguments("config describe staging", new ConfigDescribeCommand.Options("staging", OutputFormat.human)),
                arguments(
                        "config set oauth-client-id cli-2",
                        new ConfigSetCommand.Options(ProfileKey.OAUTH_CLIENT_ID, "cli-2")),
                arguments("config delete staging", new ConfigDeleteCommand.Options("staging")),
                arguments("completion fish", new CompletionCommand.Options(CompletionCommand.Shell.fish)));
    }

    @ParameterizedTest(name = "ticloud {0}")
    @MethodSource("commandLinesAndTheirOptions")
    void aCommandLineParsesToItsCommandsOptions(String args, Object expected) {
        assertEquals(expected, options(args.split(" ")));
    }

    /** What a command line cannot give, a test calling run(Options) cannot either: the records check themselves. */
    @Test
    void optionsRecordsRefuseWhatTheCommandLineRefusesAsUsageErrors() {
        List<Executable> refused = List.of(
                () -> new LoginCommand.Options(true, List.of("project:read", " "), null),
                () -> new ClusterCreateCommand.Options(" ", "aws-us-east-1", null, false, OutputFormat.human),
                () -> new ClusterUpdateCommand.Options("7", null, null, OutputFormat.human),
                () -> new ClusterUpdateCommand.Options("7", "", null, OutputFormat.human),
                () -> new ConfigCreateCommand.Options("bad/name", null, null, null, false),
                () -> new ConfigCreateCommand.Options("p", null, null, "ftp://x", false),
                () -> new ConfigSetCommand.Options(ProfileKey.API_ENDPOINT, "ftp://x"));
        for (Executable options : refused) {
            assertEquals(
                    ExitCode.USAGE, assertThrows(CliException.class, options).exitCode());
        }
    }

    @ParameterizedTest(name = "ticloud {0} runs without options of its own")
    @ValueSource(strings = {"auth logout", "auth token"})
    void commandsWithoutOptionsParseToNone(String args) {
        assertNull(options(args.split(" ")));
    }

    @ParameterizedTest(name = "ticloud {0} is a usage error")
    @CsvSource(
            delimiter = '|',
            value = {
                "''                                  | Missing command",
                "auth                                | Missing command",
                "project                             | Missing command",
                "auth login --idp github             | Invalid value for option '--idp': expected one of [google, microsoft] (case-insensitive) but was 'github'",
                "auth login --scopes project:read,,x | Invalid scope '' in --scopes",
                "auth login --browser                | Unknown option: '--browser'",
                "project list -o yaml                | Invalid value for option '--output': expected one of [human, json]",
                "project delete                      | Unmatched argument at index 1: 'delete'",
                "serverless                          | Missing command",
                "serverless create -r aws-us-east-1  | Missing required option: '--display-name=NAME'",
                "serverless create -n db             | Missing required option: '--region=REGION'",
                "serverless describe                 | Missing required option: '--cluster-id=ID'",
                "serverless update -c 1              | Error: Missing required argument (specify one of these): (-n=NAME | --labels=JSON)",
                "serverless update -c 1 -n a --labels {} | Error: --display-name=NAME, --labels=JSON are mutually exclusive (specify only one)",
                "serverless update -c 1 --labels []  | --labels must be a JSON object of strings",
                "serverless update -c 1 --labels {\"a\":{\"b\":\"c\"}} | --labels must be a JSON object of strings",
                "serverless update -c 1 --labels {\"a\":null} | --labels must be a JSON object of strings",
                "serverless update -c 1 --labels {\"a\":\"b\"}x | --labels must be a JSON object of strings",
                "serverless delete                   | Missing required option: '--cluster-id=ID'",
                "config                              | Missing command",
                "config create bad/name              | Invalid profile name 'bad/name'",
                "config create p --api-endpoint ftp://x | Invalid api-endpoint 'ftp://x': expected an http or https URL",
                "config set colour blue              | Unknown key 'colour': use oauth-endpoint, oauth-client-id or api-endpoint",
                "config set api-endpoint             | Missing required parameter: 'VALUE'",
                "completion powershell               | Invalid value for positional parameter at index 0 (SHELL): expected one of [bash, zsh, fish]",
                "-P                                  | Missing required parameter for option '--profile' (PROFILE)",
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
    void idpOffersTheRealmsAliasesInHelpAndCompletion() {
        TestCli.Result help = cli.run("auth", "login", "--help");
        TestCli.Result fish = cli.run("completion", "fish");

        assertTrue(
                help.out()
                        .contains("      --idp=PROVIDER      Sign in with this identity provider without choosing:\n"
                                + "                            google, microsoft.\n"),
                help.out());
        assertTrue(fish.out().contains(" -l idp -x -a 'google microsoft' "), fish.out());
    }

    @Test
    void profileAndDebugAreAcceptedBeforeAndAfterTheSubcommand() {
        GlobalOptions before = new GlobalOptions();
        Ticloud.commandLine(context(before)).parseArgs("-P", "staging", "-D", "project", "list");
        assertEquals("staging", before.profile());
        assertTrue(before.debug());

        GlobalOptions after = new GlobalOptions();
        String[] args = {"serverless", "list", "--profile", "prod", "--debug"};
        Ticloud.commandLine(context(after), args).parseArgs(args);
        assertEquals("prod", after.profile());
        assertTrue(after.debug());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "project list -o json | project",
                "serverless ls        | serverless",
                "auth whoami          | auth",
                "config list          | config",
                "completion bash      | auth project serverless config completion",
                "-P prod project list | auth project serverless config completion",
                "--help               | auth project serverless config completion",
                "projects list        | auth project serverless config completion",
            })
    void aRunBuildsOnlyTheGroupItNamesExceptCompletionWhichDescribesTheWholeTree(String args, String groups) {
        CommandLine root = Ticloud.commandLine(CliContext.system(), args.split(" "));

        assertEquals(
                List.of(groups.split(" ")), List.copyOf(root.getSubcommands().keySet())); // in --help order
    }

    @Test
    void aTreeWithOneGroupPrintsThatGroupsHelpAsTheWholeTreeDoes() {
        CommandLine whole = Ticloud.commandLine(CliContext.system());
        CommandLine one = Ticloud.commandLine(CliContext.system(), "project", "list", "--help");

        assertEquals(
                whole.getSubcommands()
                        .get("project")
                        .getSubcommands()
                        .get("list")
                        .getUsageMessage(),
                one.getSubcommands().get("project").getSubcommands().get("list").getUsageMessage());
        assertEquals(
                whole.getSubcommands().get("project").getUsageMessage(),
                one.getSubcommands().get("project").getUsageMessage());
    }

    private static CliContext context(GlobalOptions options) {
        CliContext system = CliContext.system();
        return new CliContext(
                system.out(),
                system.err(),
                system.env(),
                system.home(),
                system.http(),
                system.clock(),
                system.sleeper(),
                system.browser(),
                false,
                options,
                system.in());
    }

    @ParameterizedTest(name = "ticloud {0} prints the version on stdout")
    @ValueSource(strings = {"--version", "-V", "project -V", "serverless list --version", "auth login -V"})
    void versionPrintsTheVersionOnStdoutWhereverItIsAsked(String args) {
        TestCli.Result result = cli.run(args.split(" "));

        assertEquals(0, result.exitCode());
        assertEquals("ticloud dev\n", result.out());
    }

    @ParameterizedTest(name = "ticloud {0} --help prints usage on stdout")
    @CsvSource({
        "'', Usage: ticloud [-DhV] [-P=PROFILE] [COMMAND]",
        "auth, Usage: ticloud auth",
        "auth login, Usage: ticloud auth login",
        "auth logout, Usage: ticloud auth logout",
        "auth status, Usage: ticloud auth status",
        "auth token, Usage: ticloud auth token",
        "project, Usage: ticloud project",
        "project list, Usage: ticloud project list",
        "serverless, Usage: ticloud serverless",
        "serverless list, Usage: ticloud serverless list",
        "serverless create, Usage: ticloud serverless create",
        "serverless describe, Usage: ticloud serverless describe",
        "serverless update, Usage: ticloud serverless update",
        "serverless delete, Usage: ticloud serverless delete",
        "config, Usage: ticloud config",
        "config create, Usage: ticloud config create",
        "config use, Usage: ticloud config use",
        "config list, Usage: ticloud config list",
        "config describe, Usage: ticloud config describe",
        "config set, Usage: ticloud config set",
        "config delete, Usage: ticloud config delete",
        "completion, Usage: ticloud completion"
    })
    void helpWorksOnEveryCommand(String command, String usage) {
        List<String> argv = new java.util.ArrayList<>(command.isBlank() ? List.of() : List.of(command.split(" ")));
        argv.add("--help");

        TestCli.Result result = cli.run(argv.toArray(String[]::new));

        assertEquals(0, result.exitCode());
        assertTrue(result.out().startsWith(usage), result.out());
        assertEquals("", result.err());
    }
}
