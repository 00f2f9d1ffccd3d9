package io.tidbcloud.cli;

import static io.tidbcloud.cli.Commands.flag;
import static io.tidbcloud.cli.Commands.option;
import static io.tidbcloud.cli.Commands.setter;

import io.tidbcloud.cli.auth.AuthCommand;
import io.tidbcloud.cli.config.ConfigCommand;
import io.tidbcloud.cli.project.ProjectCommand;
import io.tidbcloud.cli.serverless.ServerlessCommand;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/** The root command, {@code ticloud}, and the command tree a run builds. */
public final class Ticloud {

    /**
     * The command groups, in the order {@code --help} lists them, each with the word that names it. Added in
     * {@link #commandLine(CliContext, String...)} rather than by the root's spec, so that a run builds only the
     * group it uses.
     */
    private static final List<Group> GROUPS = List.of(
            new Group(AuthCommand.NAME, AuthCommand::spec),
            new Group(ProjectCommand.NAME, ProjectCommand::spec),
            new Group(ServerlessCommand.NAME, ServerlessCommand::spec),
            new Group(ConfigCommand.NAME, ConfigCommand::spec),
            new Group(CompletionCommand.NAME, CompletionCommand::spec));
    /** Writes completion for the whole tree, so it needs every group built. */
    private static final String NEEDS_WHOLE_TREE = CompletionCommand.NAME;

    private record Group(String name, Function<CliContext, CommandSpec> spec) {}

    private Ticloud() {}

    /** {@code ticloud} itself, with the options every command inherits, written into {@code options}. */
    private static CommandSpec spec(GlobalOptions options) {
        // Written into GlobalOptions as they are parsed: picocli gives each subcommand a copy of an inherited
        // option, and the copies share this setter, so -P before or after the subcommand ends up in one place.
        // No initial value: picocli writes only what the command line gives; GlobalOptions holds the defaults.
        OptionSpec profile = option(String.class, "-P", "--profile")
                .scopeType(ScopeType.INHERIT)
                .paramLabel("PROFILE")
                .description("Use this profile of config.toml instead of the current one.")
                .hasInitialValue(false)
                .setter(setter(String.class, options::profile))
                .build();
        OptionSpec debug = flag("-D", "--debug")
                .scopeType(ScopeType.INHERIT)
                .description("Print every HTTP exchange on stderr (tokens masked).")
                .hasInitialValue(false)
                .setter(setter(Boolean.class, options::debug))
                .build();
        return Commands.group("ticloud")
                .description("Command-line client of TiDB Cloud: sign in with your browser, then manage projects "
                        + "and clusters.")
                .footer("", "Exit codes: 0 ok, 1 error, 2 usage, 4 not signed in or token rejected, 130 interrupted.")
                .options(profile, debug)
                .build();
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
     * root and that group only; otherwise (help, an option first, an unknown command) every group. The groups not
     * named could not be reached by this command line, and building them is most of the tree's cost.
     */
    static CommandLine commandLine(CliContext context, String... args) {
        CommandLine commandLine = new CommandLine(spec(context.options()));
        Group named = args == null || args.length == 0 ? null : groupNamed(args[0]);
        for (Group group : GROUPS) {
            if (named == null || group == named) {
                commandLine.addSubcommand(group.spec().apply(context));
            }
        }
        // After the subcommands: picocli applies these settings to the subcommands present when they are set.
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        return commandLine;
    }

    /** The group that {@code word} names, when it can run without the other groups; else null. */
    private static Group groupNamed(String word) {
        for (Group group : GROUPS) {
            if (group.name().equals(word)) {
                return group.name().equals(NEEDS_WHOLE_TREE) ? null : group;
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
}
