package io.tidbcloud.cli.serverless;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.api.CloudApi;
import io.tidbcloud.cli.api.PagedList;
import io.tidbcloud.cli.output.Json;
import io.tidbcloud.cli.output.OutputOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ticloud serverless list [-p PROJECT]}: every cluster (all pages). */
@Command(name = "list",
        aliases = "ls",
        mixinStandardHelpOptions = true,
        description = "List your serverless clusters (all pages), or those of one project.")
public final class ClusterListCommand implements Callable<Integer> {

    @Option(names = {"-p", "--project-id"}, paramLabel = "PROJECT", description = "Only the clusters of this project.")
    String projectId;

    @Mixin
    OutputOption output;

    private final CliContext context;

    public ClusterListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        PagedList.Items clusters = new ClustersApi(CloudApi.of(context)).listAll(projectId);
        if (output.json()) {
            ObjectNode document = Json.object();
            document.putArray("clusters").addAll(clusters.items());
            document.put("totalSize", clusters.totalSize());
            context.out().println(Json.pretty(document));
        } else {
            context.out().print(ClusterOutput.table(clusters.items()));
        }
        context.out().flush();
        return 0;
    }
}
