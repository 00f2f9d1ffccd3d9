package io.tidbcloud.cli.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.CliException;
import io.tidbcloud.cli.Commands;
import io.tidbcloud.cli.api.CloudApi;
import io.tidbcloud.cli.output.Json;
import io.tidbcloud.cli.output.OutputFormat;
import io.tidbcloud.cli.output.OutputOption;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code ticloud serverless update -c ID (-n NAME | --labels JSON)}. */
public final class ClusterUpdateCommand {

    /**
     * What {@code serverless update} was asked for: exactly one change.
     *
     * @param clusterId   the cluster
     * @param displayName the new display name, not blank; or null
     * @param labels      the new labels; or null
     * @param output      the output format
     */
    public record Options(String clusterId, String displayName, Map<String, String> labels, OutputFormat output) {
        public Options {
            if ((displayName == null) == (labels == null)) {
                throw CliException.usage("Give exactly one of --display-name and --labels");
            }
            if (displayName != null && displayName.isBlank()) {
                throw CliException.usage("--display-name must not be empty");
            }
            labels = labels == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }
    }

    private final CliContext context;

    public ClusterUpdateCommand(CliContext context) {
        this.context = context;
    }

    static CommandSpec spec(CliContext context) {
        OptionSpec clusterId = Commands.option(String.class, "-c", "--cluster-id")
                .paramLabel("ID")
                .required(true)
                .description("The cluster.")
                .build();
        OptionSpec displayName = Commands.option(String.class, "-n", "--display-name")
                .paramLabel("NAME")
                .description("New display name.")
                .build();
        OptionSpec labels = Commands.option(String.class, "--labels")
                .paramLabel("JSON")
                .description("New labels as a JSON object, e.g. '{\"team\":\"data\"}'.")
                .build();
        // Exactly one change per update: -n or --labels.
        ArgGroupSpec change = ArgGroupSpec.builder()
                .exclusive(true)
                .multiplicity("1")
                .addArg(displayName)
                .addArg(labels)
                .build();
        OptionSpec output = OutputOption.spec();
        return Commands.command(
                        "update",
                        () -> new Options(
                                clusterId.getValue(),
                                displayName.getValue(),
                                labels.getValue() == null ? null : parseLabels(labels.getValue()),
                                output.getValue()),
                        new ClusterUpdateCommand(context)::run)
                .description("Rename a serverless cluster or replace its labels.")
                .options(clusterId)
                .argGroup(change)
                .options(output)
                .build();
    }

    public int run(Options options) throws Exception {
        ClustersApi clusters = new ClustersApi(CloudApi.of(context));
        JsonNode cluster = options.displayName() != null
                ? clusters.rename(options.clusterId(), options.displayName())
                : clusters.relabel(options.clusterId(), options.labels());
        if (options.output().isJson()) {
            context.out().println(Json.pretty(cluster));
        } else {
            context.out().print(ClusterOutput.table(List.of(cluster)));
        }
        context.out().flush();
        return 0;
    }

    /** {@code --labels}: a JSON object whose values are strings (numbers and booleans are taken as their text). */
    static Map<String, String> parseLabels(String json) {
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

    private static CliException notLabels() {
        return CliException.usage("--labels must be a JSON object of strings, e.g. '{\"team\":\"data\"}'");
    }
}
