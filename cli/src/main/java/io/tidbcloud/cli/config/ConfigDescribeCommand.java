package io.tidbcloud.cli.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.output.Json;
import io.tidbcloud.cli.output.OutputOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code ticloud config describe [NAME]}: the values a profile uses, after the
 * environment overrides (which it names, since they win over the file).
 */
@Command(name = "describe",
        mixinStandardHelpOptions = true,
        description = "Show a profile's values as commands use them (default: -P or the current profile).")
public final class ConfigDescribeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "Profile name.")
    String name;

    @Mixin
    OutputOption output;

    private final CliContext context;

    public ConfigDescribeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
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
