package io.tidbcloud.cli.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.api.CloudApi;
import io.tidbcloud.cli.output.Json;
import io.tidbcloud.cli.output.OutputOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ticloud serverless describe -c ID}: one cluster, field by field or as the API's JSON. */
@Command(name = "describe",
        aliases = "get",
        mixinStandardHelpOptions = true,
        description = "Show one serverless cluster.")
public final class ClusterDescribeCommand implements Callable<Integer> {

    @Option(names = {"-c", "--cluster-id"}, paramLabel = "ID", required = true, description = "The cluster.")
    String clusterId;

    @Mixin
    OutputOption output;

    private final CliContext context;

    public ClusterDescribeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        JsonNode cluster = new ClustersApi(CloudApi.of(context)).get(clusterId);
        context.out().print(output.json() ? Json.pretty(cluster) + "\n" : ClusterOutput.details(cluster));
        context.out().flush();
        return 0;
    }
}
