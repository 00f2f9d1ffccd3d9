package io.tidbcloud.cli.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.CliException;
import io.tidbcloud.cli.api.CloudApi;
import io.tidbcloud.cli.output.Json;
import io.tidbcloud.cli.output.OutputOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ticloud serverless delete -c ID [--force]}: asks on a terminal; refuses
 * without {@code --force} when nobody is there to ask.
 */
@Command(name = "delete",
        mixinStandardHelpOptions = true,
        description = "Delete a serverless cluster (asks first; --force skips the question).")
public final class ClusterDeleteCommand implements Callable<Integer> {

    @Option(names = {"-c", "--cluster-id"}, paramLabel = "ID", required = true, description = "The cluster.")
    String clusterId;

    @Option(names = "--force", description = "Delete without asking (needed when not on a terminal).")
    boolean force;

    @Mixin
    OutputOption output;

    private final CliContext context;

    public ClusterDeleteCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (!force && !context.interactive()) {
            throw CliException.error("Refusing to delete cluster " + clusterId
                    + " without confirmation: not a terminal. Add --force to delete it.");
        }
        ClustersApi clusters = new ClustersApi(CloudApi.of(context));
        if (!force) {
            JsonNode cluster = clusters.get(clusterId);
            context.err().print("Delete cluster " + clusterId + " (" + ClusterOutput.text(cluster, "displayName")
                    + ")? This cannot be undone. [y/N] ");
            context.err().flush();
            String answer = context.in().readLine();
            if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).matches("y|yes")) {
                context.err().println("Not deleted.");
                return 1;
            }
        }
        JsonNode deleted = clusters.delete(clusterId);
        if (output.json()) {
            context.out().println(Json.pretty(deleted));
            context.out().flush();
        }
        context.err().println("Deleting cluster " + clusterId + ": it is "
                + ClusterOutput.text(deleted, "state") + ".");
        return 0;
    }
}
