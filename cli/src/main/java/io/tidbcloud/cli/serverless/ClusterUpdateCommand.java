package io.tidbcloud.cli.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.api.CloudApi;
import io.tidbcloud.cli.output.Json;
import io.tidbcloud.cli.output.OutputOption;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ticloud serverless update -c ID (-n NAME | --labels JSON)}. */
@Command(name = "update",
        mixinStandardHelpOptions = true,
        description = "Rename a serverless cluster or replace its labels.")
public final class ClusterUpdateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--cluster-id"}, paramLabel = "ID", required = true, description = "The cluster.")
    String clusterId;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Change change;

    static final class Change {
        @Option(names = {"-n", "--display-name"}, paramLabel = "NAME", description = "New display name.")
        String displayName;

        @Option(names = "--labels", paramLabel = "JSON",
                description = "New labels as a JSON object, e.g. '{\"team\":\"data\"}'.")
        String labels;
    }

    @Mixin
    OutputOption output;

    private final CliContext context;

    public ClusterUpdateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        ClustersApi clusters = new ClustersApi(CloudApi.of(context));
        JsonNode cluster;
        if (change.displayName != null) {
            if (change.displayName.isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--display-name must not be empty");
            }
            cluster = clusters.rename(clusterId, change.displayName);
        } else {
            cluster = clusters.relabel(clusterId, labels(change.labels));
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
    private Map<String, String> labels(String json) {
        Map<String, String> labels = new LinkedHashMap<>();
        try {
            JsonNode object = Json.read(json);
            if (object.isObject()) {
                for (Map.Entry<String, JsonNode> label : object.properties()) {
                    if (!label.getValue().isValueNode() || label.getValue().isNull()) {
                        throw notLabels();
                    }
                    labels.put(label.getKey(), label.getValue().asText());
                }
                return labels;
            }
        } catch (IOException notJson) {
            // the same message as for JSON that is not an object of strings
        }
        throw notLabels();
    }

    private CommandLine.ParameterException notLabels() {
        return new CommandLine.ParameterException(spec.commandLine(),
                "--labels must be a JSON object of strings, e.g. '{\"team\":\"data\"}'");
    }
}
