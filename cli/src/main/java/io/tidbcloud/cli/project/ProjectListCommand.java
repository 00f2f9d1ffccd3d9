package io.tidbcloud.cli.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.Commands;
import io.tidbcloud.cli.api.CloudApi;
import io.tidbcloud.cli.output.Json;
import io.tidbcloud.cli.output.OutputFormat;
import io.tidbcloud.cli.output.OutputOption;
import io.tidbcloud.cli.output.Table;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code ticloud project list}: every project the signed-in person belongs to. */
public final class ProjectListCommand {

    private final CliContext context;

    public ProjectListCommand(CliContext context) {
        this.context = context;
    }

    /** What {@code project list} was asked for: the output format. */
    public record Options(OutputFormat output) {}

    static CommandSpec spec(CliContext context) {
        OptionSpec output = OutputOption.spec();
        return Commands.command("list", () -> new Options(output.getValue()), new ProjectListCommand(context)::run)
                .aliases("ls")
                .description("List your projects (all pages).")
                .options(output)
                .build();
    }

    public int run(Options options) throws Exception {
        List<JsonNode> projects = new ProjectsApi(CloudApi.of(context)).listAll();

        if (options.output().isJson()) {
            ObjectNode document = Json.object();
            document.putArray("projects").addAll(projects);
            context.out().println(Json.pretty(document));
        } else {
            Table table = new Table("ID", "Name", "ClusterCount", "UserCount", "OrgID");
            for (JsonNode project : projects) {
                table.row(
                        text(project, "id"),
                        text(project, "name"),
                        text(project, "cluster_count"),
                        text(project, "user_count"),
                        text(project, "org_id"));
            }
            context.out().print(table.render());
        }
        context.out().flush();
        return 0;
    }

    private static String text(JsonNode project, String field) {
        JsonNode value = project.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
