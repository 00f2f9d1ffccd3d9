package io.tidbcloud.cli.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.Commands;
import io.tidbcloud.cli.api.CloudApi;
import io.tidbcloud.cli.output.Json;
import io.tidbcloud.cli.output.OutputOption;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code ticloud serverless update -c ID (-n NAME | --labels JSON)}. */
public final class ClusterUpdateCommand implements Callable<Integer> {

    private final OptionSpec clusterId = Commands.option(String.class, "-c", "--cluster-id").paramLabel("ID")
            .required(true).description("The cluster.").build();

    private final OptionSpec displayName = Commands.option(String.class, "-n", "--display-name").paramLabel("NAME")
            .description("New display name.").build();

    private final OptionSpec labels = Commands.option(String.class, "--labels").paramLabel("JSON")
            .description("New labels as a JSON object, e.g. '{\"team\":\"data\"}'.").build();

    /** Exactly one change per update: {@code -n} or {@code --labels}. */
    private final ArgGroupSpec change = ArgGroupSpec.builder().exclusive(true).multiplicity("1")
            .addArg(displayName).addArg(labels).build();

    private final OutputOption output = new OutputOption();

    private final CliContext context;

    public ClusterUpdateCommand(CliContext context) {
        this.context = context;
    }

    CommandSpec spec() {
        return Commands.command(this, "update")
                .description("Rename a serverless cluster or replace its labels.")
                .options(clusterId)
                .argGroup(change)
                .options(output.option())
                .build();
    }

    @Override
    public Integer call() throws Exception {
        String clusterId = this.clusterId.getValue();
        String displayName = this.displayName.getValue();
        ClustersApi clusters = new ClustersApi(CloudApi.of(context));
        JsonNode cluster;
        if (displayName != null) {
            if (displayName.isBlank()) {
                throw Commands.usageError(this.displayName, "--display-name must not be empty");
            }
            cluster = clusters.rename(clusterId, displayName);
        } else {
            cluster = clusters.relabel(clusterId, parseLabels(labels.getValue()));
        }
        if (output.json()) {
            context.out().println(Json.pretty(cluster));
        } else {
            context.out().print(ClusterOutput.table(List.of(cluster)));
        }
        context.out().flush();
        return 0;
    }

    /** {@code --labels}: a JSON object whose values are strings (numbers and booleans are taken as their text). */
    private Map<String, String> parseLabels(String json) {
        Map<String, String> parsed = new LinkedHashMap<>();
        try {
            JsonNode object = Json.read(json);
            if (object.isObject()) {
                for (Map.Entry<String, JsonNode> label : object.properties()) {
                    if (!label.getValue().isValueNode() || label.getValue().isNull()) {
                        throw notLabels();
                    }
                    parsed.put(label.getKey(), label.getValue().asText());
                }
                return parsed;
            }
        } catch (IOException notJson) {
            // the same message as for JSON that is not an object of strings
        }
        throw notLabels();
    }

    private CommandLine.ParameterException notLabels() {
        return Commands.usageError(labels, "--labels must be a JSON object of strings, e.g. '{\"team\":\"data\"}'");
    }
}
