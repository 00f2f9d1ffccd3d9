package io.tidbcloud.cli.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.Commands;
import io.tidbcloud.cli.output.Json;
import io.tidbcloud.cli.output.OutputOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code ticloud config describe [NAME]}: the values a profile uses, after the
 * environment overrides (which it names, since they win over the file).
 */
public final class ConfigDescribeCommand implements Callable<Integer> {

    private final PositionalParamSpec name = Commands.parameter(String.class, "NAME").arity("0..1").required(false)
            .description("Profile name.").build();

    private final OutputOption output = new OutputOption();

    private final CliContext context;

    public ConfigDescribeCommand(CliContext context) {
        this.context = context;
    }

    CommandSpec spec() {
        return Commands.command(this, "describe")
                .description("Show a profile's values as commands use them (default: -P or the current profile).")
                .parameters(name)
                .options(output.option())
                .build();
    }

    @Override
    public Integer call() {
        String name = this.name.getValue();
        Settings settings = context.settings();
        Profile profile = settings.profile(name != null ? name : context.options().profile());
        if (output.json()) {
            context.out().println(Json.pretty(json(profile)));
        } else {
            context.out().println("profile = \"" + profile.name() + "\"");
            for (ProfileKey key : ProfileKey.values()) {
                String overridden = context.env().get(key.environmentVariable());
                context.out().println(key.key() + " = \"" + key.of(profile) + "\""
                        + (overridden != null && !overridden.isBlank()
                        ? "  # from " + key.environmentVariable() : ""));
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
