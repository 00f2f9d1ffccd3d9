package io.tidbcloud.cli.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.CliException;
import io.tidbcloud.cli.Commands;
import io.tidbcloud.cli.api.CloudApi;
import io.tidbcloud.cli.output.Json;
import io.tidbcloud.cli.output.OutputFormat;
import io.tidbcloud.cli.output.OutputOption;
import io.tidbcloud.cli.output.Spinner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code ticloud serverless create -n NAME -r REGION [-p PROJECT] [--no-wait]}:
 * creates a cluster, then waits until it is ACTIVE (a spinner on a terminal,
 * one line otherwise) unless {@code --no-wait}.
 */
public final class ClusterCreateCommand {

    static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    static final Duration WAIT_LIMIT = Duration.ofMinutes(10);

    private final CliContext context;

    public ClusterCreateCommand(CliContext context) {
        this.context = context;
    }

    /**
     * What {@code serverless create} was asked for.
     *
     * @param displayName the cluster's display name, not blank
     * @param region      {@code aws-us-east-1} or {@code regions/aws-us-east-1}
     * @param projectId   the project to create it in; null for the default project
     * @param noWait      return while the cluster is still CREATING
     * @param output      the output format
     */
    public record Options(String displayName, String region, String projectId, boolean noWait, OutputFormat output) {
        public Options {
            if (displayName.isBlank()) {
                throw CliException.usage("--display-name must not be empty");
            }
        }
    }

    static CommandSpec spec(CliContext context) {
        OptionSpec displayName = Commands.option(String.class, "-n", "--display-name")
                .paramLabel("NAME")
                .required(true)
                .description("Display name.")
                .build();
        OptionSpec region = Commands.option(String.class, "-r", "--region")
                .paramLabel("REGION")
                .required(true)
                .description("Region, e.g. aws-us-east-1 or regions/aws-us-east-1.")
                .build();
        OptionSpec projectId = Commands.option(String.class, "-p", "--project-id")
                .paramLabel("PROJECT")
                .description("Project to create it in (default: your default project).")
                .build();
        OptionSpec noWait = Commands.flag("--no-wait")
                .description("Return at once, while the cluster is still CREATING.")
                .build();
        OptionSpec output = OutputOption.spec();
        return Commands.command(
                        "create",
                        () -> new Options(
                                displayName.getValue(),
                                region.getValue(),
                                projectId.getValue(),
                                noWait.getValue(),
                                output.getValue()),
                        new ClusterCreateCommand(context)::run)
                .description("Create a serverless cluster and wait until it is ACTIVE.")
                .options(displayName, region, projectId, noWait, output)
                .build();
    }

    public int run(Options options) throws Exception {
        String displayName = options.displayName();
        String region = options.region();
        boolean noWait = options.noWait();
        String regionName = region.startsWith("regions/") ? region : "regions/" + region;
        ClustersApi clusters = new ClustersApi(CloudApi.of(context));
        JsonNode cluster = clusters.create(displayName, regionName, options.projectId());
        String id = ClusterOutput.text(cluster, "clusterId");
        if (!noWait && !"ACTIVE".equals(ClusterOutput.text(cluster, "state"))) {
            cluster = awaitActive(clusters, id);
        }
        if (options.output().isJson()) {
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
