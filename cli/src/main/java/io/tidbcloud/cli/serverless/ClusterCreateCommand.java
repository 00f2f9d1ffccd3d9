package io.tidbcloud.cli.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.CliException;
import io.tidbcloud.cli.Commands;
import io.tidbcloud.cli.api.CloudApi;
import io.tidbcloud.cli.output.Json;
import io.tidbcloud.cli.output.OutputOption;
import io.tidbcloud.cli.output.Spinner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code ticloud serverless create -n NAME -r REGION [-p PROJECT] [--no-wait]}:
 * creates a cluster, then waits until it is ACTIVE (a spinner on a terminal,
 * one line otherwise) unless {@code --no-wait}.
 */
public final class ClusterCreateCommand implements Callable<Integer> {

    static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    static final Duration WAIT_LIMIT = Duration.ofMinutes(10);

    private final OptionSpec displayName = Commands.option(String.class, "-n", "--display-name").paramLabel("NAME")
            .required(true).description("Display name.").build();

    private final OptionSpec region = Commands.option(String.class, "-r", "--region").paramLabel("REGION")
            .required(true).description("Region, e.g. aws-us-east-1 or regions/aws-us-east-1.").build();

    private final OptionSpec projectId = Commands.option(String.class, "-p", "--project-id").paramLabel("PROJECT")
            .description("Project to create it in (default: your default project).").build();

    private final OptionSpec noWait = Commands.flag("--no-wait")
            .description("Return at once, while the cluster is still CREATING.").build();

    private final OutputOption output = new OutputOption();

    private final CliContext context;

    public ClusterCreateCommand(CliContext context) {
        this.context = context;
    }

    CommandSpec spec() {
        return Commands.command(this, "create")
                .description("Create a serverless cluster and wait until it is ACTIVE.")
                .options(displayName, region, projectId, noWait, output.option())
                .build();
    }

    @Override
    public Integer call() throws Exception {
        String displayName = this.displayName.getValue();
        String region = this.region.getValue();
        boolean noWait = this.noWait.getValue();
        if (displayName.isBlank()) {
            throw Commands.usageError(this.displayName, "--display-name must not be empty");
        }
        String regionName = region.startsWith("regions/") ? region : "regions/" + region;
        ClustersApi clusters = new ClustersApi(CloudApi.of(context));
        JsonNode cluster = clusters.create(displayName, regionName, projectId.getValue());
        String id = ClusterOutput.text(cluster, "clusterId");
        if (!noWait && !"ACTIVE".equals(ClusterOutput.text(cluster, "state"))) {
            cluster = awaitActive(clusters, id);
        }
        if (output.json()) {
            context.out().println(Json.pretty(cluster));
        } else {
            context.out().print(ClusterOutput.table(List.of(cluster)));
        }
        context.out().flush();
        return 0;
    }

    private JsonNode awaitActive(ClustersApi clusters, String id) throws Exception {
        String waiting = "Waiting for cluster " + id + " to become ACTIVE";
        Instant deadline = context.clock().instant().plus(WAIT_LIMIT);
        try (Spinner spinner = Spinner.start(context.err(), waiting, context.interactive())) {
            while (true) {
                context.sleeper().sleep(POLL_INTERVAL);
                JsonNode cluster = clusters.get(id);
                String state = ClusterOutput.text(cluster, "state");
                if ("ACTIVE".equals(state)) {
                    spinner.done("Cluster " + id + " is ACTIVE.");
                    return cluster;
                }
                if (!"CREATING".equals(state)) {
                    spinner.done("Cluster " + id + " is " + state + ".");
                    throw CliException.error("Cluster " + id + " did not become ACTIVE: it is " + state + ".");
                }
                if (!context.clock().instant().isBefore(deadline)) {
                    spinner.done("Cluster " + id + " is still CREATING.");
                    throw CliException.error("Cluster " + id + " is still CREATING after " + WAIT_LIMIT.toMinutes()
                            + " minutes: check it later with `ticloud serverless describe -c " + id + "`.");
                }
            }
        }
    }
}
