package io.tidbcloud.cli.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.CliException;
import io.tidbcloud.cli.Commands;
import io.tidbcloud.cli.api.CloudApi;
import io.tidbcloud.cli.output.Json;
import io.tidbcloud.cli.output.OutputFormat;
import io.tidbcloud.cli.output.OutputOption;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code ticloud serverless delete -c ID [--force]}: asks on a terminal; refuses
 * without {@code --force} when nobody is there to ask.
 */
public final class ClusterDeleteCommand {

    private final CliContext context;

    public ClusterDeleteCommand(CliContext context) {
        this.context = context;
    }

    /**
     * What {@code serverless delete} was asked for.
     *
     * @param clusterId the cluster
     * @param force     delete without asking
     * @param output    the output format of the deleted cluster (printed only as JSON)
     */
    public record Options(String clusterId, boolean force, OutputFormat output) {}

    static CommandSpec spec(CliContext context) {
        OptionSpec clusterId = Commands.option(String.class, "-c", "--cluster-id")
                .paramLabel("ID")
                .required(true)
                .description("The cluster.")
                .build();
        OptionSpec force = Commands.flag("--force")
                .description("Delete without asking (needed when not on a terminal).")
                .build();
        OptionSpec output = OutputOption.spec();
        return Commands.command(
                        "delete",
                        () -> new Options(clusterId.getValue(), force.getValue(), output.getValue()),
                        new ClusterDeleteCommand(context)::run)
                .description("Delete a serverless cluster (asks first; --force skips the question).")
                .options(clusterId, force, output)
                .build();
    }

    public int run(Options options) throws Exception {
        String clusterId = options.clusterId();
        boolean force = options.force();
        if (!force && !context.interactive()) {
            throw CliException.error("Refusing to delete cluster " + clusterId
                    + " without confirmation: not a terminal. Add --force to delete it.");
        }
        ClustersApi clusters = new ClustersApi(CloudApi.of(context));
        if (!force) {
            JsonNode cluster = clusters.get(clusterId);
            context.err()
                    .print("Delete cluster " + clusterId + " (" + ClusterOutput.text(cluster, "displayName")
                            + ")? This cannot be undone. [y/N] ");
            context.err().flush();
            String answer = context.in().readLine();
            if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).matches("y|yes")) {
                context.err().println("Not deleted.");
                return 1;
            }
        }
        JsonNode deleted = clusters.delete(clusterId);
        if (options.output().isJson()) {
            context.out().println(Json.pretty(deleted));
            context.out().flush();
        }
        context.err()
                .println("Deleting cluster " + clusterId + ": it is " + ClusterOutput.text(deleted, "state") + ".");
        return 0;
    }
}
