package io.tidbcloud.cli.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.Commands;
import io.tidbcloud.cli.output.Json;
import io.tidbcloud.cli.output.OutputFormat;
import io.tidbcloud.cli.output.OutputOption;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code ticloud config describe [NAME]}: the values a profile uses, after the
 * environment overrides (which it names, since they win over the file).
 */
public final class ConfigDescribeCommand {

    private final CliContext context;

    public ConfigDescribeCommand(CliContext context) {
        this.context = context;
    }

    /**
     * What {@code config describe} was asked for.
     *
     * @param name   the profile; null for -P or the current profile
     * @param output the output format
     */
    public record Options(String name, OutputFormat output) {}

    static CommandSpec spec(CliContext context) {
        PositionalParamSpec name = Commands.parameter(String.class, "NAME")
                .arity("0..1")
                .required(false)
                .description("Profile name.")
                .build();
        OptionSpec output = OutputOption.spec();
        return Commands.command(
                        "describe",
                        () -> new Options(name.getValue(), output.getValue()),
                        new ConfigDescribeCommand(context)::run)
                .description("Show a profile's values as commands use them (default: -P or the current profile).")
                .parameters(name)
                .options(output)
                .build();
    }

    public int run(Options options) {
        String name = options.name();
        Settings settings = context.settings();
        Profile profile =
                settings.profile(name != null ? name : context.options().profile());
        if (options.output().isJson()) {
            context.out().println(Json.pretty(json(profile)));
        } else {
            context.out().println("profile = \"" + profile.name() + "\"");
            for (ProfileKey key : ProfileKey.values()) {
                String overridden = context.env().get(key.environmentVariable());
                context.out()
                        .println(key.key() + " = \"" + key.of(profile) + "\""
                                + (overridden != null && !overridden.isBlank()
                                        ? "  # from " + key.environmentVariable()
                                        : ""));
            }
        }
        context.out().flush();
        return 0;
    }

    static ObjectNode json(Profile profile) {
        ObjectNode node = Json.object();
        node.put("name", profile.name());
        for (ProfileKey key : ProfileKey.values()) {
            node.put(key.key(), key.of(profile));
        }
        return node;
    }
}
