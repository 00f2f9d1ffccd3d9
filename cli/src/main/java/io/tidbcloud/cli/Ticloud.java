package io.tidbcloud.cli;

import io.tidbcloud.cli.auth.AuthCommand;
import io.tidbcloud.cli.config.ConfigCommand;
import io.tidbcloud.cli.project.ProjectCommand;
import io.tidbcloud.cli.serverless.ServerlessCommand;
import java.util.List;
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
        footer = {"", "Exit codes: 0 ok, 1 error, 2 usage, 4 not signed in or token rejected, 130 interrupted."})
public final class Ticloud implements Runnable {

    /**
     * The command groups, in the order {@code --help} lists them. Added in {@link #commandLine(CliContext, String...)}
     * rather than as {@code subcommands} of the annotation, so that a run builds only the group it uses.
     */
    private static final List<Class<?>> GROUPS = List.of(AuthCommand.class, ProjectCommand.class,
            ServerlessCommand.class, ConfigCommand.class, CompletionCommand.class);
    /** Writes completion for the whole tree, so it needs every group built. */
    private static final Class<?> NEEDS_WHOLE_TREE = CompletionCommand.class;

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
        return commandLine(context, args).execute(args);
    }

    /** The whole command tree wired to the context: commands get it in their constructor. */
    public static CommandLine commandLine(CliContext context) {
        return commandLine(context, (String[]) null);
    }

    /**
     * The command tree that {@code args} need: when they start with a group's name ({@code project list}), the
     * root and that group only; otherwise (help, an option first, an unknown command) every group. Picocli reads
     * each command's annotations reflectively as it builds the tree, which in a CLI's cold JVM costs more than
     * the rest of the run; the groups not named could not be reached by this command line anyway.
     */
    static CommandLine commandLine(CliContext context, String... args) {
        CommandLine commandLine = new CommandLine(new Ticloud(context.options()), new CommandFactory(context));
        Class<?> named = args == null || args.length == 0 ? null : groupNamed(args[0]);
        for (Class<?> group : GROUPS) {
            if (named == null || group == named) {
                commandLine.addSubcommand(group);
            }
        }
        // After the subcommands: picocli applies these settings to the subcommands present when they are set.
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        return commandLine;
    }

    /** The group whose name or alias is {@code word}, when it can run without the other groups; else null. */
    private static Class<?> groupNamed(String word) {
        for (Class<?> group : GROUPS) {
            Command command = group.getAnnotation(Command.class);
            if (command.name().equals(word) || List.of(command.aliases()).contains(word)) {
                return group == NEEDS_WHOLE_TREE ? null : group;
            }
        }
        return null;
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
