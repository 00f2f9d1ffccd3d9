package io.tidbcloud.cli.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidbcloud.cli.output.Table;
import java.util.List;

/** Clusters as ticloud shows them: a table, or one cluster field by field. */
final class ClusterOutput {

    private ClusterOutput() {}

    static String table(List<JsonNode> clusters) {
        Table table = new Table("ID", "DisplayName", "State", "Version", "CloudProvider", "Region", "CreateTime");
        for (JsonNode cluster : clusters) {
            table.row(
                    text(cluster, "clusterId"),
                    text(cluster, "displayName"),
                    text(cluster, "state"),
                    text(cluster, "version"),
                    text(cluster.path("region"), "cloudProvider"),
                    region(cluster),
                    text(cluster, "createTime"));
        }
        return table.render();
    }

    static String details(JsonNode cluster) {
        JsonNode endpoint = cluster.path("endpoints").path("public");
        String host = text(endpoint, "host");
        String port = text(endpoint, "port");
        String[][] fields = {
            {"ID", text(cluster, "clusterId")},
            {"DisplayName", text(cluster, "displayName")},
            {"State", text(cluster, "state")},
            {"Version", text(cluster, "version")},
            {"CloudProvider", text(cluster.path("region"), "cloudProvider")},
            {"Region", region(cluster)},
            {"Project", text(cluster.path("labels"), ClustersApi.PROJECT_LABEL)},
            {"Endpoint", host.isEmpty() ? "" : host + (port.isEmpty() ? "" : ":" + port)},
            {"UserPrefix", text(cluster, "userPrefix")},
            {"CreatedBy", text(cluster, "createdBy")},
            {"CreateTime", text(cluster, "createTime")},
            {"UpdateTime", text(cluster, "updateTime")},
        };
        StringBuilder out = new StringBuilder();
        for (String[] field : fields) {
            out.append(String.format("%-14s %s", field[0] + ":", field[1]).stripTrailing())
                    .append('\n');
        }
        return out.toString();
    }

    /** The region's display name, else its id ("aws-us-east-1"). */
    private static String region(JsonNode cluster) {
        String display = text(cluster.path("region"), "displayName");
        return display.isEmpty() ? text(cluster.path("region"), "regionId") : display;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? "" : value.asText();
    }
}
