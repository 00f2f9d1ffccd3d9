package io.tidbcloud.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code ticloud completion bash|zsh|fish}: a completion script on stdout,
 * generated from the command tree (picocli's AutoComplete for bash and zsh,
 * which runs bash scripts through bashcompinit; fish from the same tree).
 */
public final class CompletionCommand {

    public static final String NAME = "completion";

    public enum Shell {
        bash,
        zsh,
        fish
    }

    /** What {@code completion} was asked for: the shell. */
    public record Options(Shell shell) {}

    private final CliContext context;
    private final CommandSpec root;

    /** Completion for the command tree under {@code root}, which should hold every command. */
    public CompletionCommand(CliContext context, CommandSpec root) {
        this.context = context;
        this.root = root;
    }

    static CommandSpec spec(CliContext context) {
        PositionalParamSpec shell = Commands.parameter(Shell.class, "SHELL")
                .description("${COMPLETION-CANDIDATES}")
                .build();
        // The tree this command was parsed in: known once it has been added to its root.
        return Commands.command(
                        NAME,
                        () -> new Options(shell.getValue()),
                        options ->
                                new CompletionCommand(context, shell.command().root()).run(options))
                .description(
                        "Print a shell completion script.",
                        "bash: source <(ticloud completion bash)",
                        "zsh:  source <(ticloud completion zsh)",
                        "fish: ticloud completion fish | source")
                .parameters(shell)
                .build();
    }

    public int run(Options options) {
        Shell shell = options.shell();
        CommandLine root = this.root.commandLine();
        String script = switch (shell) {
            case bash -> AutoComplete.bash("ticloud", root);
            case zsh ->
                "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n"
                        + AutoComplete.bash("ticloud", root);
            case fish -> fish(root.getCommandSpec());
        };
        context.out().print(script);
        context.out().flush();
        return 0;
    }

    /** One {@code complete} line per subcommand and option, each applying under its parent command path. */
    static String fish(CommandSpec root) {
        StringBuilder script = new StringBuilder("# fish completion for ticloud\ncomplete -c ticloud -f\n");
        appendFish(script, root, "");
        return script.toString();
    }

    private static void appendFish(StringBuilder script, CommandSpec command, String path) {
        String condition = path.isEmpty()
                ? "__fish_use_subcommand"
                : "__fish_seen_subcommand_from " + path.substring(path.lastIndexOf(' ') + 1);
        for (var entry : command.subcommands().entrySet()) {
            CommandSpec sub = entry.getValue().getCommandSpec();
            if (!entry.getKey().equals(sub.name())) {
                continue; // aliases complete through their command
            }
            script.append("complete -c ticloud -n '")
                    .append(condition)
                    .append("' -a ")
                    .append(sub.name())
                    .append(" -d ")
                    .append(quote(firstLine(sub)))
                    .append('\n');
            appendFish(script, sub, path + " " + sub.name());
        }
        for (OptionSpec option : command.options()) {
            if (option.inherited()) {
                continue;
            }
            script.append("complete -c ticloud");
            if (!path.isEmpty()) {
                script.append(" -n '")
                        .append("__fish_seen_subcommand_from ")
                        .append(path.substring(path.lastIndexOf(' ') + 1))
                        .append('\'');
            }
            for (String name : option.names()) {
                script.append(name.startsWith("--") ? " -l " + name.substring(2) : " -s " + name.substring(1));
            }
            if (option.completionCandidates() != null) {
                script.append(" -x -a ").append(quote(String.join(" ", option.completionCandidates())));
            } else if (option.arity().max() > 0) {
                script.append(" -r");
            }
            String[] description = option.description();
            if (description.length > 0) {
                script.append(" -d ")
                        .append(quote(
                                description[0].replaceAll("\\$\\{[^}]*}", "").trim()));
            }
            script.append('\n');
        }
    }

    private static String firstLine(CommandSpec command) {
        String[] description = command.usageMessage().description();
        return description.length == 0 ? "" : description[0];
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
