package io.tidbcloud.cli;

import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What every ticloud command's {@link CommandSpec} is built from, with picocli's programmatic API.
 *
 * <p>Why not picocli's annotations ({@code @Command}, {@code @Option}, {@code @Mixin} and the rest): reading them
 * makes the JDK define a {@link java.lang.reflect.Proxy} class per annotation type at run time, which the JDK 25
 * AOT cache cannot hold, so every cold start generated them again. Measured on a tree like ticloud's (22
 * commands) against a run without picocli: {@code --help} cost 137 ms more with annotations, 40 ms built this
 * way. {@code mixinStandardHelpOptions} reads picocli's own annotated mixin, so {@link Builder#build()} adds
 * {@code -h} and {@code -V} itself. {@code CommandTreeTest} checks that no annotation is read.
 *
 * <p>A command holds its options as fields (made with {@link #option}, {@link #flag}, {@link #parameter}),
 * describes itself in a {@code spec()} method with {@link #command} or {@link #group}, and reads the parsed
 * values with {@link ArgSpec#getValue()} when it runs.
 */
public final class Commands {

    /** "ticloud 0.1.0", on every command's {@code -V/--version}. */
    private static final CommandLine.IVersionProvider VERSION = new Ticloud.Version();

    private Commands() {
    }

    /** A command that {@code command} (a {@link Runnable} or {@link java.util.concurrent.Callable}) runs. */
    public static Builder command(Object command, String name) {
        return new Builder(CommandSpec.wrapWithoutInspection(command).name(name));
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
     * A usage error about {@code arg}'s value, found after parsing: exit code 2, the message and the usage of the
     * command {@code arg} belongs to on stderr, as for the errors picocli finds itself.
     */
    public static CommandLine.ParameterException usageError(ArgSpec arg, String message) {
        return new CommandLine.ParameterException(arg.command().commandLine(), message);
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
            spec.addOption(flag("-h", "--help").usageHelp(true).description("Show this help message and exit.").build());
            spec.addOption(flag("-V", "--version").versionHelp(true)
                    .description("Print version information and exit.").build());
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
