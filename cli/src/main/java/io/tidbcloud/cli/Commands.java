package io.tidbcloud.cli;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What every ticloud command's {@link CommandSpec} is built from, with picocli's programmatic API.
 *
 * <p>Why not picocli's annotations ({@code @Command}, {@code @Option}, {@code @Mixin} and the rest): reading them
 * makes the JDK define a {@link java.lang.reflect.Proxy} class per annotation type at run time, which the JDK 25
 * AOT cache cannot hold, so every cold start generated them again. Measured again for issue #13 with only the
 * {@code project} group annotated (each variant with its own AOT cache, 30 interleaved pairs): {@code --help}
 * took 112 ms longer (77 ms more CPU), {@code project list} 170 ms (105 ms CPU); see bench/cli-startup/README.md.
 * {@code mixinStandardHelpOptions} reads picocli's own annotated mixin, so {@link Builder#build()} adds
 * {@code -h} and {@code -V} itself. {@code CommandTreeTest} checks that no annotation is read.
 *
 * <p>A command is two parts. Its {@code Options} record and {@code run(Options)} do the work, with the
 * dependencies in the {@link CliContext} it is made with; tests call them directly. Its static
 * {@code spec(CliContext)} is the picocli layer: it makes the options ({@link #option}, {@link #choice},
 * {@link #flag}, {@link #parameter}) and hands {@link #command} a function that reads their parsed values into
 * the record, and the command's {@code run}. A value the record refuses ({@link CliException#usage}) is a
 * usage error.
 */
public final class Commands {

    /** "ticloud 0.1.0", on every command's {@code -V/--version}. */
    private static final CommandLine.IVersionProvider VERSION = new Ticloud.Version();

    private Commands() {}

    /** What a command does with the options parsed for it; returns the exit code. */
    @FunctionalInterface
    public interface Run<O> {
        int run(O options) throws Exception;
    }

    /**
     * A command whose parsed options {@code options} reads into its record, which {@code run} then gets. A
     * {@link CliException#usage usage error} from either is reported as picocli reports its own: the message
     * and this command's usage on stderr, exit code 2.
     */
    public static <O> Builder command(String name, Supplier<O> options, Run<O> run) {
        Parsed<O> parsed = new Parsed<>(options, run);
        parsed.command = CommandSpec.wrapWithoutInspection(parsed).name(name);
        return new Builder(parsed.command);
    }

    /** A command without options of its own. */
    public static Builder command(String name, Callable<Integer> run) {
        return command(name, () -> null, none -> run.call());
    }

    /** A command that only holds subcommands: run without one, it is a usage error ("Missing command"). */
    public static Builder group(String name) {
        MissingCommand missing = new MissingCommand();
        missing.group = CommandSpec.wrapWithoutInspection(missing).name(name);
        return new Builder(missing.group);
    }

    /** An option that takes a value of {@code type}; null (or its default value) unless given. */
    public static OptionSpec.Builder option(Class<?> type, String... names) {
        return OptionSpec.builder(names).type(type);
    }

    /**
     * An option whose value is a constant of {@code type}, given on the command line as its {@code word} (an
     * enum of another module, whose constant names are not the words people type). Parsed, completed, listed in
     * {@code ${COMPLETION-CANDIDATES}} and refused as picocli does an enum of those words, ignoring case as
     * ticloud reads every enum value.
     */
    public static <E extends Enum<E>> OptionSpec.Builder choice(
            Class<E> type, Function<E, String> word, String... names) {
        List<String> words = Arrays.stream(type.getEnumConstants()).map(word).toList();
        CommandLine.ITypeConverter<E> converter = value -> {
            for (E constant : type.getEnumConstants()) {
                if (word.apply(constant).equalsIgnoreCase(value)) {
                    return constant;
                }
            }
            throw new CommandLine.TypeConversionException(
                    "expected one of " + words + " (case-insensitive) but was '" + value + "'");
        };
        return option(type, names).converters(converter).completionCandidates(words);
    }

    /** An option without a value: true when given, false otherwise. */
    public static OptionSpec.Builder flag(String... names) {
        return OptionSpec.builder(names).type(boolean.class).initialValue(false);
    }

    /**
     * A required positional parameter of {@code type}, shown as {@code label}. An optional one says so:
     * {@code .arity("0..1").required(false)} (the annotations derived it from the arity).
     */
    public static PositionalParamSpec.Builder parameter(Class<?> type, String label) {
        return PositionalParamSpec.builder().type(type).paramLabel(label).required(true);
    }

    /** Hands the values parsed for an option to {@code target} (picocli's setter is a generic method: no lambda). */
    static <V> ISetter setter(Class<V> type, Consumer<V> target) {
        return new ISetter() {
            @Override
            public <T> T set(T value) {
                target.accept(type.cast(value));
                return null; // the previous value, which picocli does not use
            }
        };
    }

    /**
     * What picocli runs for a command: reads the parsed options into the command's record and runs it with
     * them. {@link #options()} is what a command line parsed to, for parsing tests.
     */
    public static final class Parsed<O> implements Callable<Integer> {

        private final Supplier<O> options;
        private final Run<O> run;
        private CommandSpec command;

        private Parsed(Supplier<O> options, Run<O> run) {
            this.options = options;
            this.run = run;
        }

        /** The record the values parsed last read into; a usage error when it refuses them. */
        public O options() {
            try {
                return options.get();
            } catch (CliException e) {
                throw asParameterException(e);
            }
        }

        @Override
        public Integer call() throws Exception {
            O parsed = options();
            try {
                return run.run(parsed);
            } catch (CliException e) {
                throw asParameterException(e);
            }
        }

        /** A usage error becomes picocli's, for this command's usage help; any other failure stays as it is. */
        private RuntimeException asParameterException(CliException e) {
            return e.exitCode() == ExitCode.USAGE
                    ? new CommandLine.ParameterException(command.commandLine(), e.getMessage())
                    : e;
        }
    }

    /**
     * A {@link CommandSpec} in the making. Options, parameters and groups keep the order they are added in:
     * picocli sorts the help by name, but completion scripts list them in this order.
     */
    public static final class Builder {

        private final CommandSpec spec;

        private Builder(CommandSpec spec) {
            this.spec = spec;
        }

        public Builder aliases(String... aliases) {
            spec.aliases(aliases);
            return this;
        }

        /** The description under the usage line; each string starts a line. */
        public Builder description(String... lines) {
            spec.usageMessage().description(lines);
            return this;
        }

        public Builder footer(String... lines) {
            spec.usageMessage().footer(lines);
            return this;
        }

        public Builder options(OptionSpec... options) {
            for (OptionSpec option : options) {
                spec.addOption(option);
            }
            return this;
        }

        public Builder parameters(PositionalParamSpec... parameters) {
            for (PositionalParamSpec parameter : parameters) {
                spec.addPositional(parameter);
            }
            return this;
        }

        public Builder argGroup(ArgGroupSpec group) {
            spec.addArgGroup(group);
            return this;
        }

        public Builder subcommands(CommandSpec... subcommands) {
            for (CommandSpec subcommand : subcommands) {
                spec.addSubcommand(null, subcommand);
            }
            return this;
        }

        /**
         * The spec, with {@code -h/--help} and {@code -V/--version} added after every other option, worded and
         * ordered as picocli's {@code mixinStandardHelpOptions} adds them.
         */
        public CommandSpec build() {
            spec.versionProvider(VERSION); // -V means the same on every command: ticloud's version
            spec.addOption(flag("-h", "--help")
                    .usageHelp(true)
                    .description("Show this help message and exit.")
                    .build());
            spec.addOption(flag("-V", "--version")
                    .versionHelp(true)
                    .description("Print version information and exit.")
                    .build());
            return spec;
        }
    }

    /** What a group runs when no subcommand follows it. */
    private static final class MissingCommand implements Runnable {

        private CommandSpec group;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(group.commandLine(), "Missing command");
        }
    }
}
