import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One concurrent client: its own Keycloak client (so its own subject, organization and projects),
 * its own connections, its own ledger. Loops over the weighted mix until the phase ends, checking
 * each answer as a user of the API would (status, body, and that nothing it created went missing).
 */
final class VirtualClient {

    static final String TOKEN_ENDPOINT = "KC POST /token (client_credentials)";
    static final String REVOKE_ENDPOINT = "KC POST /revoke (RFC 7009)";
    static final String TOKEN_REVOCATION = "revocation: client token -> API 401";
    static final String LOGOUT_REVOCATION = "revocation: device logout -> API 401";
    private static final String[] REGIONS = {"regions/aws-us-east-1", "regions/gcp-europe-west1", "regions/azure-eastus2"};

    private final int index;
    private final Settings settings;
    private final Settings.ClientCredentials credentials;
    private final Random random;
    private final Http http = new Http();
    private final Ledger ledger = new Ledger();
    private final DeviceFlowLogin deviceLogin;
    private final RevocationProbe probe;
    private String token;
    private long tokenObtainedAt;
    private int names;

    VirtualClient(int index, Settings settings) {
        this.index = index;
        this.settings = settings;
        this.credentials = settings.clients().get(index);
        this.random = new Random(settings.seed() * 1_000 + index);
        this.deviceLogin = new DeviceFlowLogin(settings, http);
        this.probe = new RevocationProbe(settings, http);
    }

    Ledger ledger() {
        return ledger;
    }

    Settings.ClientCredentials credentials() {
        return credentials;
    }

    String token() {
        return token;
    }

    void recordInto(Stats stats) {
        http.recordInto(stats);
    }

    /** One revocation of a fresh token, timed like those of the mix: the first the services see after they start. */
    void revokeOnce(Stats stats) {
        http.recordInto(stats);
        if (login()) {
            revokeOwnToken();
        }
    }

    /** Runs the mix until {@code deadline}, recording into {@code stats}. */
    void runUntil(Instant deadline, Stats stats) {
        http.recordInto(stats);
        while (Instant.now().isBefore(deadline)) {
            // Access tokens live 5 minutes: take a new one well before, as a client library would.
            if (token == null || System.nanoTime() - tokenObtainedAt > 240_000_000_000L) {
                if (!login()) {
                    pause();
                    continue;
                }
            }
            run(pick());
            stats.operationDone();
        }
    }

    private void run(Operation operation) {
        switch (operation) {
            case LIST_PROJECTS -> listProjects();
            case GET_PROJECT -> getProject();
            case LIST_CLUSTERS -> listClusters();
            case GET_CLUSTER -> getCluster();
            case LIST_REGIONS -> http.expect("GET /v1beta1/regions", Http.get(api("/regions"), token), 200);
            case CREATE_PROJECT -> createProject();
            case CREATE_CLUSTER -> createCluster();
            case UPDATE_CLUSTER -> updateCluster();
            case DELETE_CLUSTER -> deleteCluster();
            case LOGIN -> login();
            case REVOKE -> revokeOwnToken();
            case DEVICE_LOGIN -> deviceLoginAndLogout();
        }
    }

    /** A weighted draw; steps that need a cluster create one first, and the live clusters stay bounded. */
    private Operation pick() {
        double total = settings.mix().values().stream().mapToDouble(Double::doubleValue).sum();
        double draw = random.nextDouble() * total;
        Operation chosen = Operation.LIST_REGIONS;
        for (Map.Entry<Operation, Double> entry : settings.mix().entrySet()) {
            draw -= entry.getValue();
            if (draw < 0) {
                chosen = entry.getKey();
                break;
            }
        }
        boolean needsCluster = chosen == Operation.GET_CLUSTER
                || chosen == Operation.UPDATE_CLUSTER
                || chosen == Operation.DELETE_CLUSTER;
        if (needsCluster && ledger.liveClusters.isEmpty()) {
            return Operation.CREATE_CLUSTER;
        }
        if (chosen == Operation.CREATE_CLUSTER && ledger.liveClusters.size() >= settings.maxLiveClusters()) {
            return Operation.DELETE_CLUSTER;
        }
        if (chosen == Operation.CREATE_PROJECT && ledger.projectIds.size() >= 3) {
            return Operation.LIST_PROJECTS;
        }
        if (chosen == Operation.DEVICE_LOGIN && settings.deviceUser().isEmpty()) {
            return Operation.LOGIN;
        }
        return chosen;
    }

    boolean login() {
        Http.Answer answer = http.expect(
                TOKEN_ENDPOINT,
                Http.form(
                        settings.tokenUrl(),
                        Map.of(
                                "grant_type", "client_credentials",
                                "client_id", credentials.clientId(),
                                "client_secret", credentials.secret(),
                                "scope", Settings.API_SCOPES)),
                200);
        if (answer == null || answer.json() == null || !answer.json().hasNonNull("access_token")) {
            return false;
        }
        token = answer.json().get("access_token").asText();
        tokenObtainedAt = System.nanoTime();
        return true;
    }

    private void listProjects() {
        Http.Answer answer = http.expect("GET /v1beta1/projects", Http.get(api("/projects?page_size=100"), token), 200);
        if (answer == null) {
            return;
        }
        Set<String> listed = new HashSet<>();
        for (JsonNode project : answer.json().path("projects")) {
            listed.add(project.path("id").asText());
            if (project.path("name").asText().equals("default")) {
                ledger.defaultProjectId = project.path("id").asText();
            }
        }
        for (String id : ledger.projectIds) {
            if (!listed.contains(id)) {
                http.stats().error("GET /v1beta1/projects: a created project is missing", id);
            }
        }
        if (answer.json().path("totalSize").asLong() != ledger.projectIds.size() + 1) {
            http.stats().error("GET /v1beta1/projects: totalSize is not the created projects + default", answer.body());
        }
    }

    private void getProject() {
        String id = anyProject();
        if (id == null) {
            listProjects();
            return;
        }
        Http.Answer answer = http.expect("GET /v1beta1/projects/{id}", Http.get(api("/projects/" + id), token), 200);
        if (answer != null && !answer.json().path("id").asText().equals(id)) {
            http.stats().error("GET /v1beta1/projects/{id}: another project answered", answer.body());
        }
    }

    /** When one page of up to 100 holds all of this client's clusters, each live one must be in it. */
    private void listClusters() {
        Http.Answer answer = http.expect("GET /v1beta1/clusters", Http.get(api("/clusters?page_size=100"), token), 200);
        if (answer == null) {
            return;
        }
        Set<String> listed = new HashSet<>();
        for (JsonNode cluster : answer.json().path("clusters")) {
            String id = cluster.path("clusterId").asText();
            listed.add(id);
            if (ledger.deletedClusters.contains(id)) {
                if (!cluster.path("state").asText().equals("DELETING")) {
                    http.stats().error("GET /v1beta1/clusters: a deleted cluster is listed, not DELETING", cluster.toString());
                }
            } else if (!ledger.liveClusters.containsKey(id)) {
                http.stats().error("GET /v1beta1/clusters: a cluster this client never created", cluster.toString());
            }
        }
        // Clusters being deleted stay listed until the worker removes them: the check needs the whole list.
        boolean whole = answer.json().path("totalSize").asLong() == listed.size();
        for (String id : whole ? ledger.liveClusters.keySet() : Set.<String>of()) {
            if (!listed.contains(id)) {
                http.stats().error("GET /v1beta1/clusters: a created cluster is missing", id);
            }
        }
    }

    private void getCluster() {
        String id = anyLiveCluster();
        Http.Answer answer = http.expect("GET /v1beta1/clusters/{id}", Http.get(api("/clusters/" + id), token), 200);
        if (answer != null && !answer.json().path("displayName").asText().equals(ledger.liveClusters.get(id))) {
            http.stats().error("GET /v1beta1/clusters/{id}: not the name last given", answer.body());
        }
    }

    private void createProject() {
        String name = "load-" + index + "-p" + ledger.projectIds.size();
        Http.Answer answer = http.expect(
                "POST /v1beta1/projects", Http.json("POST", api("/projects"), token, Map.of("name", name)), 201);
        if (answer != null) {
            ledger.projectIds.add(answer.json().path("id").asText());
            ledger.projectNames.add(name);
        }
    }

    private void createCluster() {
        String name = nextName();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", name);
        body.put("region", Map.of("name", REGIONS[random.nextInt(REGIONS.length)]));
        // Half into the default project (no label), half into a project of the client's own.
        if (!ledger.projectIds.isEmpty() && random.nextBoolean()) {
            body.put("labels", Map.of("tidb.cloud/project", ledger.projectIds.get(random.nextInt(ledger.projectIds.size()))));
        }
        Http.Answer answer = http.expect("POST /v1beta1/clusters", Http.json("POST", api("/clusters"), token, body), 201);
        if (answer == null) {
            return;
        }
        String id = answer.json().path("clusterId").asText();
        if (id.isEmpty() || !answer.json().path("state").asText().equals("CREATING")) {
            http.stats().error("POST /v1beta1/clusters: no id or not CREATING", answer.body());
            return;
        }
        ledger.created(id, name);
    }

    private void updateCluster() {
        String id = anyLiveCluster();
        String name = nextName();
        Http.Answer answer = http.expect(
                "PATCH /v1beta1/clusters/{id}",
                Http.json("PATCH", api("/clusters/" + id), token, Map.of("displayName", name)),
                200);
        if (answer == null) {
            return;
        }
        if (!answer.json().path("displayName").asText().equals(name)) {
            http.stats().error("PATCH /v1beta1/clusters/{id}: the answer has not the new name", answer.body());
        }
        ledger.renamed(id, name);
    }

    private void deleteCluster() {
        String id = anyLiveCluster();
        Http.Answer answer = http.expect("DELETE /v1beta1/clusters/{id}", Http.delete(api("/clusters/" + id), token), 200);
        if (answer == null) {
            return;
        }
        if (!answer.json().path("state").asText().equals("DELETING")) {
            http.stats().error("DELETE /v1beta1/clusters/{id}: not DELETING", answer.body());
        }
        ledger.deleted(id);
    }

    /** Revokes the token in use at Keycloak (RFC 7009), times the API's first refusal, then logs in again. */
    private void revokeOwnToken() {
        String revoked = token;
        token = null;
        if (http.expect("GET /v1beta1/regions", Http.get(api("/regions"), revoked), 200) == null) {
            return;
        }
        Http.Answer answer = http.expect(
                REVOKE_ENDPOINT,
                Http.form(
                        settings.revokeUrl(),
                        Map.of(
                                "token", revoked,
                                "token_type_hint", "access_token",
                                "client_id", credentials.clientId(),
                                "client_secret", credentials.secret())),
                200);
        if (answer != null) {
            probe.timeUntilRefused(revoked, System.nanoTime(), TOKEN_REVOCATION);
        }
    }

    /** A person signs in on the device flow (as ticloud auth login), calls the API, signs out (as ticloud auth logout). */
    private void deviceLoginAndLogout() {
        DeviceFlowLogin.Tokens tokens = deviceLogin.signIn();
        if (tokens == null) {
            return;
        }
        if (http.expect("GET /v1beta1/projects", Http.get(api("/projects"), tokens.accessToken()), 200) == null) {
            return;
        }
        Http.Answer refresh = http.expect(
                "KC POST /revoke (device refresh token)",
                Http.form(
                        settings.revokeUrl(),
                        Map.of(
                                "token", tokens.refreshToken(),
                                "token_type_hint", "refresh_token",
                                "client_id", DeviceFlowLogin.CLIENT_ID)),
                200);
        if (refresh == null) {
            return;
        }
        long loggedOut = System.nanoTime();
        http.expect(
                "KC POST /revoke (device access token)",
                Http.form(
                        settings.revokeUrl(),
                        Map.of(
                                "token", tokens.accessToken(),
                                "token_type_hint", "access_token",
                                "client_id", DeviceFlowLogin.CLIENT_ID)),
                200);
        probe.timeUntilRefused(tokens.accessToken(), loggedOut, LOGOUT_REVOCATION);
    }

    private String anyLiveCluster() {
        List<String> ids = new ArrayList<>(ledger.liveClusters.keySet());
        return ids.get(random.nextInt(ids.size()));
    }

    private String anyProject() {
        List<String> ids = new ArrayList<>(ledger.projectIds);
        if (ledger.defaultProjectId != null) {
            ids.add(ledger.defaultProjectId);
        }
        return ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
    }

    private String nextName() {
        return "load-" + index + "-" + (++names);
    }

    private String api(String path) {
        return settings.apiUrl() + "/v1beta1" + path;
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
