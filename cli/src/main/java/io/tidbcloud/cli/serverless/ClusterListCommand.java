package io.tidbcloud.cli.serverless;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.Commands;
import io.tidbcloud.cli.api.CloudApi;
import io.tidbcloud.cli.api.PagedList;
import io.tidbcloud.cli.output.Json;
import io.tidbcloud.cli.output.OutputFormat;
import io.tidbcloud.cli.output.OutputOption;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code ticloud serverless list [-p PROJECT]}: every cluster (all pages). */
public final class ClusterListCommand {

    private final CliContext context;

    public ClusterListCommand(CliContext context) {
        this.context = context;
    }

    /**
     * What {@code serverless list} was asked for.
     *
     * @param projectId only the clusters of this project; null for all
     * @param output    the output format
     */
    public record Options(String projectId, OutputFormat output) {}

    static CommandSpec spec(CliContext context) {
        OptionSpec projectId = Commands.option(String.class, "-p", "--project-id")
                .paramLabel("PROJECT")
                .description("Only the clusters of this project.")
                .build();
        OptionSpec output = OutputOption.spec();
        return Commands.command(
                        "list",
                        () -> new Options(projectId.getValue(), output.getValue()),
                        new ClusterListCommand(context)::run)
                .aliases("ls")
                .description("List your serverless clusters (all pages), or those of one project.")
                .options(projectId, output)
                .build();
    }

    public int run(Options options) throws Exception {
        PagedList.Items clusters = new ClustersApi(CloudApi.of(context)).listAll(options.projectId());
        if (options.output().isJson()) {
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
