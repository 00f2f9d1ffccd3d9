package io.tidbcloud.cli.serverless;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.Commands;
import io.tidbcloud.cli.api.CloudApi;
import io.tidbcloud.cli.api.PagedList;
import io.tidbcloud.cli.output.Json;
import io.tidbcloud.cli.output.OutputOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code ticloud serverless list [-p PROJECT]}: every cluster (all pages). */
public final class ClusterListCommand implements Callable<Integer> {

    private final OptionSpec projectId = Commands.option(String.class, "-p", "--project-id").paramLabel("PROJECT")
            .description("Only the clusters of this project.").build();

    private final OutputOption output = new OutputOption();

    private final CliContext context;

    public ClusterListCommand(CliContext context) {
        this.context = context;
    }

    CommandSpec spec() {
        return Commands.command(this, "list")
                .aliases("ls")
                .description("List your serverless clusters (all pages), or those of one project.")
                .options(projectId, output.option())
                .build();
    }

    @Override
    public Integer call() throws Exception {
        PagedList.Items clusters = new ClustersApi(CloudApi.of(context)).listAll(projectId.getValue());
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
