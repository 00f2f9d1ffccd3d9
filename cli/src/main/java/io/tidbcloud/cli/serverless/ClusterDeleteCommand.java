package io.tidbcloud.cli.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.CliException;
import io.tidbcloud.cli.Commands;
import io.tidbcloud.cli.api.CloudApi;
import io.tidbcloud.cli.output.Json;
import io.tidbcloud.cli.output.OutputOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code ticloud serverless delete -c ID [--force]}: asks on a terminal; refuses
 * without {@code --force} when nobody is there to ask.
 */
public final class ClusterDeleteCommand implements Callable<Integer> {

    private final OptionSpec clusterId = Commands.option(String.class, "-c", "--cluster-id").paramLabel("ID")
            .required(true).description("The cluster.").build();

    private final OptionSpec force = Commands.flag("--force")
            .description("Delete without asking (needed when not on a terminal).").build();

    private final OutputOption output = new OutputOption();

    private final CliContext context;

    public ClusterDeleteCommand(CliContext context) {
        this.context = context;
    }

    CommandSpec spec() {
        return Commands.command(this, "delete")
                .description("Delete a serverless cluster (asks first; --force skips the question).")
                .options(clusterId, force, output.option())
                .build();
    }

    @Override
    public Integer call() throws Exception {
        String clusterId = this.clusterId.getValue();
        boolean force = this.force.getValue();
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
