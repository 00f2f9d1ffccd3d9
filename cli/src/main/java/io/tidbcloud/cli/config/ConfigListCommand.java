package io.tidbcloud.cli.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.Commands;
import io.tidbcloud.cli.output.Json;
import io.tidbcloud.cli.output.OutputFormat;
import io.tidbcloud.cli.output.OutputOption;
import io.tidbcloud.cli.output.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code ticloud config list}: every profile, the current one marked. */
public final class ConfigListCommand {

    private final CliContext context;

    public ConfigListCommand(CliContext context) {
        this.context = context;
    }

    /** What {@code config list} was asked for: the output format. */
    public record Options(OutputFormat output) {}

    static CommandSpec spec(CliContext context) {
        OptionSpec output = OutputOption.spec();
        return Commands.command("list", () -> new Options(output.getValue()), new ConfigListCommand(context)::run)
                .aliases("ls")
                .description("List the profiles; the current one is marked with *.")
                .options(output)
                .build();
    }

    public int run(Options options) {
        Settings settings = context.settings();
        String current = settings.contents().currentProfile();
        Map<String, Profile> profiles = new LinkedHashMap<>();
        if (!settings.contents().profiles().containsKey(Profile.DEFAULT_NAME)) {
            profiles.put(Profile.DEFAULT_NAME, Profile.defaults(Profile.DEFAULT_NAME));
        }
        profiles.putAll(settings.contents().profiles());
        if (options.output().isJson()) {
            ObjectNode document = Json.object();
            document.put("currentProfile", current);
            ArrayNode list = document.putArray("profiles");
            profiles.values().forEach(profile -> list.add(ConfigDescribeCommand.json(profile)));
            context.out().println(Json.pretty(document));
        } else {
            Table table = new Table("", "Name", "OAuthEndpoint", "OAuthClientID", "APIEndpoint");
            profiles.values()
                    .forEach(profile -> table.row(
                            profile.name().equals(current) ? "*" : "",
                            profile.name(),
                            orEmpty(profile.oauthEndpoint()),
                            orEmpty(profile.oauthClientId()),
                            orEmpty(profile.apiEndpoint())));
            context.out().print(table.render());
        }
        context.out().flush();
        return 0;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
