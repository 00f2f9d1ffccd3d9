package io.tidbcloud.cli.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.Commands;
import io.tidbcloud.cli.api.CloudApi;
import io.tidbcloud.cli.output.Json;
import io.tidbcloud.cli.output.OutputOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code ticloud serverless describe -c ID}: one cluster, field by field or as the API's JSON. */
public final class ClusterDescribeCommand implements Callable<Integer> {

    private final OptionSpec clusterId = Commands.option(String.class, "-c", "--cluster-id").paramLabel("ID")
            .required(true).description("The cluster.").build();

    private final OutputOption output = new OutputOption();

    private final CliContext context;

    public ClusterDescribeCommand(CliContext context) {
        this.context = context;
    }

    CommandSpec spec() {
        return Commands.command(this, "describe")
                .aliases("get")
                .description("Show one serverless cluster.")
                .options(clusterId, output.option())
                .build();
    }

    @Override
    public Integer call() throws Exception {
        JsonNode cluster = new ClustersApi(CloudApi.of(context)).get(clusterId.getValue());
        context.out().print(output.json() ? Json.pretty(cluster) + "\n" : ClusterOutput.details(cluster));
        context.out().flush();
        return 0;
    }
}
