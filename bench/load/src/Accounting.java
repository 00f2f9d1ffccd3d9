import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * After the load: once the lifecycle worker has no work left, every cluster a client created and did
 * not delete is listed by the API (ACTIVE, with the name it last gave), none it deleted is, and the
 * database holds exactly those rows; every project a client created is listed.
 */
final class Accounting {

    private final Settings settings;
    private final List<String> problems = new ArrayList<>();
    private final Stats stats = new Stats();
    private final Http http = new Http();
    private double settledSeconds = Double.NaN;

    Accounting(Settings settings) {
        this.settings = settings;
    }

    /** How long after the load the lifecycle work took to finish. */
    double settledSeconds() {
        return settledSeconds;
    }

    List<String> problems() {
        return problems;
    }

    /** Returns the number of clusters accounted for. */
    int check(List<VirtualClient> clients) throws SQLException, InterruptedException {
        awaitNoPendingWork();
        Set<String> expectedInDatabase = new TreeSet<>();
        http.recordInto(stats);
        for (VirtualClient client : clients) {
            client.recordInto(stats);
            if (!client.login()) {
                problems.add(client.credentials().clientId() + ": no token for the final listing: " + http.stats().errors());
                continue;
            }
            Ledger ledger = client.ledger();
            expectedInDatabase.addAll(ledger.liveClusters.keySet());
            Map<String, JsonNode> listed = listAll(client, "/clusters", "clusters", "clusterId");
            for (Map.Entry<String, String> live : ledger.liveClusters.entrySet()) {
                JsonNode cluster = listed.get(live.getKey());
                if (cluster == null) {
                    problems.add("cluster " + live.getKey() + " (" + live.getValue() + ") created by client "
                            + client.credentials().clientId() + " is not listed");
                } else if (!cluster.path("state").asText().equals("ACTIVE")
                        || !cluster.path("displayName").asText().equals(live.getValue())) {
                    problems.add("cluster " + live.getKey() + " is listed as " + cluster.path("state").asText() + " "
                            + cluster.path("displayName").asText() + ", expected ACTIVE " + live.getValue());
                }
            }
            for (String id : listed.keySet()) {
                if (!ledger.liveClusters.containsKey(id)) {
                    problems.add("cluster " + id + " is listed but "
                            + (ledger.deletedClusters.contains(id) ? "was deleted" : "was never created") + " by client "
                            + client.credentials().clientId());
                }
            }
            Map<String, JsonNode> projects = listAll(client, "/projects", "projects", "id");
            Set<String> names = new HashSet<>();
            projects.values().forEach(p -> names.add(p.path("name").asText()));
            for (int i = 0; i < ledger.projectIds.size(); i++) {
                if (!projects.containsKey(ledger.projectIds.get(i))) {
                    problems.add("project " + ledger.projectNames.get(i) + " of client " + client.credentials().clientId() + " is not listed");
                }
            }
            if (projects.size() != ledger.projectIds.size() + 1 || !names.contains("default")) {
                problems.add("client " + client.credentials().clientId() + " lists " + names + ", expected default and "
                        + ledger.projectNames);
            }
        }
        Set<String> inDatabase = new TreeSet<>();
        try (Connection db = DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
                Statement query = db.createStatement();
                ResultSet rows = query.executeQuery("select id from clusters")) {
            while (rows.next()) {
                inDatabase.add(Long.toString(rows.getLong(1)));
            }
        }
        if (!inDatabase.equals(expectedInDatabase)) {
            Set<String> missing = new TreeSet<>(expectedInDatabase);
            missing.removeAll(inDatabase);
            Set<String> extra = new TreeSet<>(inDatabase);
            extra.removeAll(expectedInDatabase);
            problems.add("database rows differ from the ledgers: missing " + missing + ", not expected " + extra);
        }
        stats.errors().forEach((kind, count) -> problems.add(count + " x " + kind + ": " + stats.firstAnswers().get(kind)));
        return expectedInDatabase.size();
    }

    /** Deleted clusters leave the table and created ones turn ACTIVE a few seconds after the last request. */
    private void awaitNoPendingWork() throws SQLException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + 120_000_000_000L;
        try (Connection db = DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword())) {
            while (true) {
                try (Statement query = db.createStatement();
                        ResultSet rows = query.executeQuery("select count(*) from clusters where pending_operation is not null")) {
                    rows.next();
                    long pending = rows.getLong(1);
                    if (pending == 0) {
                        settledSeconds = (System.nanoTime() - started) / 1e9;
                        return;
                    }
                    if (System.nanoTime() > deadline) {
                        problems.add(pending + " clusters still have lifecycle work pending 120 s after the load (stuck)");
                        return;
                    }
                }
                Thread.sleep(500);
            }
        }
    }

    /** Every page, by pageToken. */
    private Map<String, JsonNode> listAll(VirtualClient client, String path, String field, String idField) {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        String pageToken = "";
        for (int page = 0; page < 100; page++) {
            String url = settings.apiUrl() + "/v1beta1" + path + "?pageSize=100"
                    + (pageToken.isEmpty() ? "" : "&pageToken=" + URLEncoder.encode(pageToken, StandardCharsets.UTF_8));
            Http.Answer answer = http.expect("GET " + path, Http.get(url, client.token()), 200);
            if (answer == null) {
                problems.add("listing " + path + " for " + client.credentials().clientId() + " failed: " + http.stats().firstAnswers());
                return all;
            }
            for (JsonNode item : answer.json().path(field)) {
                all.put(item.path(idField).asText(), item);
            }
            pageToken = answer.json().path("nextPageToken").asText("");
            if (pageToken.isEmpty()) {
                return all;
            }
        }
        return all;
    }
}
