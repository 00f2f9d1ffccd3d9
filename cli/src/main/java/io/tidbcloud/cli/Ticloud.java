package io.tidbcloud.cli;

import io.tidbcloud.cli.auth.AuthCommand;
import io.tidbcloud.cli.config.ConfigCommand;
import io.tidbcloud.cli.project.ProjectCommand;
import io.tidbcloud.cli.serverless.ServerlessCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command. */
@Command(name = "ticloud",
        mixinStandardHelpOptions = true,
        versionProvider = Ticloud.Version.class,
        description = "Command-line client of TiDB Cloud: sign in with your browser, then manage projects and clusters.",
        subcommands = {AuthCommand.class, ProjectCommand.class, ServerlessCommand.class, ConfigCommand.class,
            CompletionCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 error, 2 usage, 4 not signed in or token rejected, 130 interrupted."})
public final class Ticloud implements Runnable {

    @Spec
    CommandSpec spec;

    private final GlobalOptions options;

    Ticloud(GlobalOptions options) {
        this.options = options;
    }

    @Option(names = {"-P", "--profile"}, scope = ScopeType.INHERIT, paramLabel = "PROFILE",
            description = "Use this profile of config.toml instead of the current one.")
    void profile(String profile) {
        options.profile(profile);
    }

    @Option(names = {"-D", "--debug"}, scope = ScopeType.INHERIT,
            description = "Print every HTTP exchange on stderr (tokens masked).")
    void debug(boolean debug) {
        options.debug(debug);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    /** Runs one ticloud invocation and returns its exit code. */
    public static int run(CliContext context, String... args) {
        return commandLine(context).execute(args);
    }

    /** The command tree wired to the context: commands get it in their constructor. */
    public static CommandLine commandLine(CliContext context) {
        CommandLine commandLine = new CommandLine(new Ticloud(context.options()), new CommandFactory(context));
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        return commandLine;
    }

    /** "ticloud 0.1.0", from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Ticloud.class.getPackage().getImplementationVersion();
            return new String[] {"ticloud " + (version == null ? "dev" : version)};
        }
    }

    /** Builds commands with the context when they take it, picocli's default way otherwise. */
    static final class CommandFactory implements CommandLine.IFactory {

        private final CliContext context;

        CommandFactory(CliContext context) {
            this.context = context;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(CliContext.class).newInstance(context);
            } catch (NoSuchMethodException noContextConstructor) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
