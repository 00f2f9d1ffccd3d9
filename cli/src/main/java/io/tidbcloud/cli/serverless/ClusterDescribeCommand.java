package io.tidbcloud.cli.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.Commands;
import io.tidbcloud.cli.api.CloudApi;
import io.tidbcloud.cli.output.Json;
import io.tidbcloud.cli.output.OutputFormat;
import io.tidbcloud.cli.output.OutputOption;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code ticloud serverless describe -c ID}: one cluster, field by field or as the API's JSON. */
public final class ClusterDescribeCommand {

    private final CliContext context;

    public ClusterDescribeCommand(CliContext context) {
        this.context = context;
    }

    /** What {@code serverless describe} was asked for: the cluster and the output format. */
    public record Options(String clusterId, OutputFormat output) {}

    static CommandSpec spec(CliContext context) {
        OptionSpec clusterId = Commands.option(String.class, "-c", "--cluster-id")
                .paramLabel("ID")
                .required(true)
                .description("The cluster.")
                .build();
        OptionSpec output = OutputOption.spec();
        return Commands.command(
                        "describe",
                        () -> new Options(clusterId.getValue(), output.getValue()),
                        new ClusterDescribeCommand(context)::run)
                .aliases("get")
                .description("Show one serverless cluster.")
                .options(clusterId, output)
                .build();
    }

    public int run(Options options) throws Exception {
        JsonNode cluster = new ClustersApi(CloudApi.of(context)).get(options.clusterId());
        context.out().print(options.output().isJson() ? Json.pretty(cluster) + "\n" : ClusterOutput.details(cluster));
        context.out().flush();
        return 0;
    }
}
