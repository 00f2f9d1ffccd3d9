package io.tidbcloud.api.cluster;

import static io.restassured.RestAssured.given;
import static io.tidbcloud.api.testing.ApiRequests.createCluster;
import static io.tidbcloud.api.testing.ApiRequests.createProject;
import static io.tidbcloud.api.testing.ApiRequests.defaultProjectOf;
import static io.tidbcloud.api.testing.ApiRequests.getCluster;
import static io.tidbcloud.api.testing.ApiRequests.shortId;
import static io.tidbcloud.api.testing.ErrorResponses.badRequestNaming;
import static io.tidbcloud.api.testing.ErrorResponses.forbiddenWithoutScope;
import static io.tidbcloud.api.testing.ErrorResponses.unauthorizedAsInvalidToken;
import static io.tidbcloud.api.testing.ErrorResponses.unauthorizedWithBareBearerChallenge;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tidbcloud.api.testing.Await;
import io.tidbcloud.api.testing.KeycloakClients;
import io.tidbcloud.testsupport.TestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cluster endpoints with real tokens of the test Keycloak; alice and bob are separate tenants. */
@QuarkusTest
class ClusterApiTest {

    private static final String RFC3339_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

    @RegisterExtension
    static final KeycloakClients keycloak = new KeycloakClients();

    private static TestClient alice;
    private static TestClient bob;

    @BeforeAll
    static void createClients() {
        alice = keycloak.create("clusters-alice", "project:read", "project:write", "cluster:read", "cluster:write");
        bob = keycloak.create("clusters-bob", "project:read", "project:write", "cluster:read", "cluster:write");
    }

    // --- create and lifecycle -----------------------------------------------------------------

    @Test
    void createClusterWithClusterWriteScopeAnswersCreatingAtOnceThenBecomesActiveWithEndpoint() {
        String defaultProject = defaultProjectOf(alice);
        Instant before = Instant.now().minusSeconds(1);
        JsonPath created = given().auth()
                .oauth2(alice.token("cluster:write"))
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", "life-1", "region", Map.of("name", "regions/aws-us-east-1")))
                .when()
                .post("/v1beta1/clusters")
                .then()
                .statusCode(201)
                .contentType("application/json")
                .header("Location", matchesPattern(".*/v1beta1/clusters/\\d{19}"))
                .body("state", equalTo("CREATING"))
                .body("clusterId", matchesPattern("\\d{19}"))
                .body("displayName", equalTo("life-1"))
                .body("region.name", equalTo("regions/aws-us-east-1"))
                .body("region.regionId", equalTo("aws-us-east-1"))
                .body("region.cloudProvider", equalTo("aws"))
                .body("region.displayName", equalTo("N. Virginia (us-east-1)"))
                .body("labels.'tidb.cloud/project'", equalTo(defaultProject))
                .body("createTime", matchesPattern(RFC3339_UTC))
                .body("updateTime", matchesPattern(RFC3339_UTC))
                .body("version", matchesPattern("v\\d+\\.\\d+\\.\\d+"))
                .extract()
                .jsonPath();
        String id = created.getString("clusterId");
        assertEquals("clusters/" + id, created.getString("name"));
        assertTrue(Instant.parse(created.getString("createTime")).isAfter(before), "createTime is now");
        assertFalse(created.getMap("").containsKey("userPrefix"), "no user prefix before provisioning");

        Await.until(
                "cluster " + id + " is ACTIVE",
                Duration.ofSeconds(20),
                () -> "ACTIVE".equals(getCluster(alice, id).extract().path("state")));

        JsonPath active = getCluster(alice, id).statusCode(200).extract().jsonPath();
        assertEquals(
                Set.of(
                        "name",
                        "clusterId",
                        "displayName",
                        "region",
                        "state",
                        "version",
                        "createdBy",
                        "userPrefix",
                        "endpoints",
                        "labels",
                        "createTime",
                        "updateTime"),
                active.getMap("").keySet());
        assertEquals("gateway01.us-east-1.prod.aws.tidbcloud.com", active.getString("endpoints.public.host"));
        assertEquals(4000, active.getInt("endpoints.public.port"));
        assertTrue(active.getString("userPrefix").matches("[A-Za-z0-9]{15}"), active.getString("userPrefix"));
        assertEquals(
                Set.of("name", "regionId", "cloudProvider", "displayName"),
                active.getMap("region").keySet());
        assertFalse(active.getString("createdBy").isBlank());
    }

    @Test
    void createClusterWithProjectLabelPutsItInThatProjectAndCountsIt() {
        String project = createProject(alice, "labelled-" + shortId());
        String id = createCluster(alice, "in-project", "regions/gcp-us-central1", project)
                .body("labels.'tidb.cloud/project'", equalTo(project))
                .body("region.cloudProvider", equalTo("gcp"))
                .extract()
                .path("clusterId");
        given().auth()
                .oauth2(alice.token("cluster:read"))
                .queryParam("project_id", project)
                .get("/v1beta1/clusters")
                .then()
                .statusCode(200)
                .body("totalSize", equalTo(1))
                .body("clusters[0].clusterId", equalTo(id));
        given().auth()
                .oauth2(alice.token("project:read"))
                .get("/v1beta1/projects/" + project)
                .then()
                .statusCode(200)
                .body("cluster_count", equalTo(1));
    }

    @Test
    void deleteClusterAnswersDeletingThenTheClusterIsGone() {
        String id = createCluster(alice, "doomed-" + shortId(), "regions/aws-us-west-2", null)
                .extract()
                .path("clusterId");
        given().auth()
                .oauth2(alice.token("cluster:write"))
                .when()
                .delete("/v1beta1/clusters/" + id)
                .then()
                .statusCode(200)
                .body("clusterId", equalTo(id))
                .body("state", equalTo("DELETING"));
        // Deleting twice is harmless.
        given().auth()
                .oauth2(alice.token("cluster:write"))
                .delete("/v1beta1/clusters/" + id)
                .then()
                .statusCode(200)
                .body("state", equalTo("DELETING"));

        Await.until(
                "cluster " + id + " is gone",
                Duration.ofSeconds(20),
                () -> getCluster(alice, id).extract().statusCode() == 404);
        getCluster(alice, id).statusCode(404).body("code", equalTo(5)).body("message", containsString(id));
        List<String> ids = given().auth()
                .oauth2(alice.token("cluster:read"))
                .get("/v1beta1/clusters")
                .then()
                .statusCode(200)
                .extract()
                .path("clusters.clusterId");
        assertFalse(ids.contains(id));
    }

    @Test
    void updateClusterDuringDeletionIsRejected() {
        String id = createCluster(alice, "going-" + shortId(), "regions/aws-us-west-2", null)
                .extract()
                .path("clusterId");
        given().auth()
                .oauth2(alice.token("cluster:write"))
                .delete("/v1beta1/clusters/" + id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(alice.token("cluster:write"))
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", "renamed"))
                .patch("/v1beta1/clusters/" + id)
                .then()
                .statusCode(anyOf400or404())
                .body("code", anyCodeOf(9, 5));
    }

    // --- update -----------------------------------------------------------------------------------

    @Test
    void patchDisplayNameRenamesTheCluster() {
        String id = createCluster(alice, "before-" + shortId(), "regions/aws-us-east-1", null)
                .extract()
                .path("clusterId");
        String renamed = "after-" + shortId();
        given().auth()
                .oauth2(alice.token("cluster:write"))
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", renamed))
                .when()
                .patch("/v1beta1/clusters/" + id)
                .then()
                .statusCode(200)
                .body("displayName", equalTo(renamed))
                .body("clusterId", equalTo(id));
        getCluster(alice, id).statusCode(200).body("displayName", equalTo(renamed));
    }

    @Test
    void patchInTiDBCloudShapeWithUpdateMaskChangesOnlyTheMaskedFields() {
        String name = "masked-" + shortId();
        String id = createCluster(alice, name, "regions/aws-us-east-1", null)
                .extract()
                .path("clusterId");
        given().auth()
                .oauth2(alice.token("cluster:write"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "cluster",
                        Map.of("displayName", "ignored-name", "labels", Map.of("env", "prod")),
                        "updateMask",
                        "labels"))
                .when()
                .patch("/v1beta1/clusters/" + id)
                .then()
                .statusCode(200)
                .body("displayName", equalTo(name))
                .body("labels.env", equalTo("prod"))
                .body("labels.'tidb.cloud/project'", equalTo(defaultProjectOf(alice)));
    }

    @Test
    void patchProjectLabelMovesTheClusterToAnotherOfTheCallersProjects() {
        String id = createCluster(alice, "mover-" + shortId(), "regions/aws-us-east-1", null)
                .extract()
                .path("clusterId");
        String target = createProject(alice, "target-" + shortId());
        given().auth()
                .oauth2(alice.token("cluster:write"))
                .contentType(ContentType.JSON)
                .body(Map.of("labels", Map.of("tidb.cloud/project", target)))
                .when()
                .patch("/v1beta1/clusters/" + id)
                .then()
                .statusCode(200)
                .body("labels.'tidb.cloud/project'", equalTo(target));
        given().auth()
                .oauth2(alice.token("cluster:read"))
                .queryParam("filter", "projectId=" + target)
                .get("/v1beta1/clusters")
                .then()
                .statusCode(200)
                .body("clusters.clusterId", equalTo(List.of(id)));
    }

    @Test
    void patchProjectLabelToAnotherUsersProjectIsNotFound() {
        String id = createCluster(alice, "stay-" + shortId(), "regions/aws-us-east-1", null)
                .extract()
                .path("clusterId");
        given().auth()
                .oauth2(alice.token("cluster:write"))
                .contentType(ContentType.JSON)
                .body(Map.of("labels", Map.of("tidb.cloud/project", defaultProjectOf(bob))))
                .when()
                .patch("/v1beta1/clusters/" + id)
                .then()
                .statusCode(404)
                .body("code", equalTo(5))
                .body("message", startsWith("labels.tidb.cloud/project"));
    }

    // --- scopes and tokens ------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1} with only {2} is forbidden, needs {3}")
    @CsvSource({
        "GET,    /v1beta1/clusters,                     cluster:write, cluster:read",
        "GET,    /v1beta1/clusters/1234567890123456789, cluster:write, cluster:read",
        "POST,   /v1beta1/clusters,                     cluster:read,  cluster:write",
        "PATCH,  /v1beta1/clusters/1234567890123456789, cluster:read,  cluster:write",
        "DELETE, /v1beta1/clusters/1234567890123456789, cluster:read,  cluster:write",
    })
    void clusterEndpointWithoutItsScopeIsForbiddenWithInsufficientScope(
            String method, String path, String granted, String needed) {
        given().auth()
                .oauth2(alice.token(granted))
                .contentType(ContentType.JSON)
                .body("{\"displayName\": \"scoped\"}")
                .when()
                .request(method, path)
                .then()
                .spec(forbiddenWithoutScope(needed));
    }

    @ParameterizedTest(name = "{0} {1} without a token is unauthorized")
    @CsvSource({
        "GET,    /v1beta1/clusters",
        "GET,    /v1beta1/clusters/1234567890123456789",
        "POST,   /v1beta1/clusters",
        "PATCH,  /v1beta1/clusters/1234567890123456789",
        "DELETE, /v1beta1/clusters/1234567890123456789",
        "GET,    /v1beta1/regions",
    })
    void clusterEndpointWithoutTokenIsUnauthorizedWithBareBearerChallenge(String method, String path) {
        given().contentType(ContentType.JSON)
                .body("{}")
                .when()
                .request(method, path)
                .then()
                .spec(unauthorizedWithBareBearerChallenge())
                .body("details", empty());
    }

    @Test
    void listClustersWithExpiredOrTamperedTokenIsUnauthorizedAsInvalidToken() {
        String token = alice.token("cluster:read");
        String tampered =
                token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        given().auth().oauth2(tampered).get("/v1beta1/clusters").then().spec(unauthorizedAsInvalidToken());
    }

    // --- tenancy ----------------------------------------------------------------------------------

    @Test
    void anotherUsersClusterIsNotFoundForReadUpdateAndDelete() {
        String id = createCluster(alice, "private-" + shortId(), "regions/aws-us-east-1", null)
                .extract()
                .path("clusterId");
        getCluster(bob, id).statusCode(404).body("code", equalTo(5)).body("details", empty());
        given().auth()
                .oauth2(bob.token("cluster:write"))
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", "stolen"))
                .patch("/v1beta1/clusters/" + id)
                .then()
                .statusCode(404)
                .body("code", equalTo(5));
        given().auth()
                .oauth2(bob.token("cluster:write"))
                .delete("/v1beta1/clusters/" + id)
                .then()
                .statusCode(404)
                .body("code", equalTo(5));
        List<String> bobSees = given().auth()
                .oauth2(bob.token("cluster:read"))
                .get("/v1beta1/clusters")
                .then()
                .statusCode(200)
                .extract()
                .path("clusters.clusterId");
        assertFalse(bobSees.contains(id));
        // Still there, untouched, for its owner.
        getCluster(alice, id)
                .statusCode(200)
                .body("displayName", startsWith("private-"))
                .body("state", not(equalTo("DELETING")));
    }

    @Test
    void unknownAndMalformedClusterIdsAreNotFound() {
        getCluster(alice, "1234567890123456789").statusCode(404).body("code", equalTo(5));
        getCluster(alice, "not-an-id").statusCode(404).body("code", equalTo(5));
    }

    @Test
    void creatingAClusterInAnotherUsersProjectIsNotFound() {
        given().auth()
                .oauth2(bob.token("cluster:write"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "displayName",
                        "intruder",
                        "region",
                        Map.of("name", "regions/aws-us-east-1"),
                        "labels",
                        Map.of("tidb.cloud/project", defaultProjectOf(alice))))
                .post("/v1beta1/clusters")
                .then()
                .statusCode(404)
                .body("code", equalTo(5))
                .body("message", startsWith("labels.tidb.cloud/project"));
    }

    @Test
    void listingAnotherUsersProjectIsNotFoundInBothFilterStyles() {
        String aliceProject = defaultProjectOf(alice);
        given().auth()
                .oauth2(bob.token("cluster:read"))
                .queryParam("project_id", aliceProject)
                .get("/v1beta1/clusters")
                .then()
                .statusCode(404)
                .body("code", equalTo(5));
        given().auth()
                .oauth2(bob.token("cluster:read"))
                .queryParam("filter", "projectId=" + aliceProject)
                .get("/v1beta1/clusters")
                .then()
                .statusCode(404)
                .body("code", equalTo(5));
    }

    // --- lists and paging -------------------------------------------------------------------------

    @Test
    void listClustersPagesWithSignedTokensAndPageNumbersAlike() {
        String project = createProject(alice, "paged-" + shortId());
        List<String> ids = List.of(
                createCluster(alice, "page-a", "regions/aws-us-east-1", project)
                        .extract()
                        .path("clusterId"),
                createCluster(alice, "page-b", "regions/aws-us-east-1", project)
                        .extract()
                        .path("clusterId"),
                createCluster(alice, "page-c", "regions/aws-us-east-1", project)
                        .extract()
                        .path("clusterId"));

        JsonPath first = given().auth()
                .oauth2(alice.token("cluster:read"))
                .queryParam("project_id", project)
                .queryParam("pageSize", 2)
                .get("/v1beta1/clusters")
                .then()
                .statusCode(200)
                .body("totalSize", equalTo(3))
                .body("clusters", hasSize(2))
                .extract()
                .jsonPath();
        assertEquals(
                Set.of("clusters", "nextPageToken", "totalSize"),
                first.getMap("").keySet());
        String token = first.getString("nextPageToken");
        assertFalse(token.isEmpty());
        given().auth()
                .oauth2(alice.token("cluster:read"))
                .queryParam("project_id", project)
                .queryParam("pageSize", 2)
                .queryParam("pageToken", token)
                .get("/v1beta1/clusters")
                .then()
                .statusCode(200)
                .body("clusters.clusterId", equalTo(ids.subList(2, 3)))
                .body("nextPageToken", equalTo(""))
                .body("totalSize", equalTo(3));
        assertEquals(ids.subList(0, 2), first.getList("clusters.clusterId"));

        given().auth()
                .oauth2(alice.token("cluster:read"))
                .queryParam("filter", "projectId=\"" + project + "\"")
                .queryParam("page", 2)
                .queryParam("page_size", 2)
                .get("/v1beta1/clusters")
                .then()
                .statusCode(200)
                .body("clusters.clusterId", equalTo(ids.subList(2, 3)))
                .body("totalSize", equalTo(3));

        // The token is bound to its list: not valid without the filter, nor for another user.
        given().auth()
                .oauth2(alice.token("cluster:read"))
                .queryParam("pageSize", 2)
                .queryParam("pageToken", token)
                .get("/v1beta1/clusters")
                .then()
                .statusCode(400)
                .body("code", equalTo(3))
                .body("message", startsWith("pageToken "));
        given().auth()
                .oauth2(bob.token("cluster:read"))
                .queryParam("project_id", project)
                .queryParam("pageToken", token)
                .get("/v1beta1/clusters")
                .then()
                .statusCode(400)
                .body("message", startsWith("pageToken "));
    }

    @Test
    void pageTokenWithAlteredOffsetIsRejected() {
        String project = createProject(alice, "forge-" + shortId());
        createCluster(alice, "forge-a", "regions/aws-us-east-1", project);
        createCluster(alice, "forge-b", "regions/aws-us-east-1", project);
        String token = given().auth()
                .oauth2(alice.token("cluster:read"))
                .queryParam("project_id", project)
                .queryParam("pageSize", 1)
                .get("/v1beta1/clusters")
                .then()
                .statusCode(200)
                .extract()
                .path("nextPageToken");
        String forgedOffset = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("0".getBytes())
                + token.substring(token.indexOf('.'));
        given().auth()
                .oauth2(alice.token("cluster:read"))
                .queryParam("project_id", project)
                .queryParam("pageSize", 1)
                .queryParam("pageToken", forgedOffset)
                .get("/v1beta1/clusters")
                .then()
                .statusCode(400)
                .body("code", equalTo(3))
                .body("message", startsWith("pageToken "));
    }

    @ParameterizedTest(name = "{0}={1} is rejected naming {0}")
    @CsvSource({
        "page,       0",
        "page,       abc",
        "page_size,  1000",
        "page_size,  abc",
        "pageSize,   0",
        "pageToken,  forged-token",
        "project_id, abc",
        "filter,     state=ACTIVE",
        "filter,     projectId=xyz",
    })
    void listClustersWithBadParameterIsBadRequestNamingTheParameter(String parameter, String value) {
        given().auth()
                .oauth2(alice.token("cluster:read"))
                .queryParam(parameter, value)
                .when()
                .get("/v1beta1/clusters")
                .then()
                .spec(badRequestNaming(parameter))
                .contentType("application/json");
    }

    // --- bad request bodies -----------------------------------------------------------------------

    @ParameterizedTest(name = "create with {0} is rejected naming {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"displayName\": \"\", \"region\": {\"name\": \"regions/aws-us-east-1\"}}                | displayName",
                "{\"region\": {\"name\": \"regions/aws-us-east-1\"}}                                       | displayName",
                "{\"displayName\": \"a b\", \"region\": {\"name\": \"regions/aws-us-east-1\"}}             | displayName",
                "{\"displayName\": \"-dash\", \"region\": {\"name\": \"regions/aws-us-east-1\"}}           | displayName",
                "{\"displayName\": \"no-region\"}                                                          | region.name",
                "{\"displayName\": \"bad-region\", \"region\": {\"name\": \"regions/mars-olympus-1\"}}     | region.name",
                "{\"displayName\": \"bad-region\", \"region\": \"aws-us-east-1\"}                          | region",
                "{\"displayName\": \"bad-labels\", \"region\": {\"name\": \"regions/aws-us-east-1\"}, \"labels\": [1]} | labels",
                "{\"displayName\": \"bad-labels\", \"region\": {\"name\": \"regions/aws-us-east-1\"}, \"labels\": {\"tidb.cloud/x\": \"y\"}} | labels.tidb.cloud/x",
                "{\"displayName\": \"bad-labels\", \"region\": {\"name\": \"regions/aws-us-east-1\"}, \"labels\": {\"tidb.cloud/project\": \"abc\"}} | labels.tidb.cloud/project",
                "not json at all                                                                           | body",
                "[1, 2]                                                                                    | body",
            })
    void createClusterWithBadBodyIsBadRequestNamingTheField(String body, String field) {
        given().auth()
                .oauth2(alice.token("cluster:write"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1beta1/clusters")
                .then()
                .spec(badRequestNaming(field))
                .contentType("application/json");
    }

    @Test
    void createClusterWithoutBodyIsBadRequest() {
        given().auth()
                .oauth2(alice.token("cluster:write"))
                .contentType(ContentType.JSON)
                .when()
                .post("/v1beta1/clusters")
                .then()
                .statusCode(400)
                .body("code", equalTo(3))
                .body("message", startsWith("body "));
    }

    @Test
    void createClusterWithNameTakenInTheProjectIsConflict() {
        String name = "twin-" + shortId();
        createCluster(alice, name, "regions/aws-us-east-1", null);
        given().auth()
                .oauth2(alice.token("cluster:write"))
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", name, "region", Map.of("name", "regions/aws-us-west-2")))
                .post("/v1beta1/clusters")
                .then()
                .statusCode(409)
                .body("code", equalTo(6))
                .body("message", containsString(name));
    }

    @ParameterizedTest(name = "patch with {0} is rejected naming {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{}                                                   | body",
                "{\"displayName\": \"\"}                              | displayName",
                "{\"labels\": {\"bad key!\": \"v\"}}                  | labels.bad key!",
                "{\"cluster\": {\"displayName\": \"x-y-z\"}, \"updateMask\": \"state\"} | updateMask",
                "{\"displayName\": \"ok-name\", \"labels\": \"x\"}     | labels",
                "{oops                                                | body",
            })
    void patchClusterWithBadBodyIsBadRequestNamingTheField(String body, String field) {
        String id = createCluster(alice, "patchme-" + shortId(), "regions/aws-us-east-1", null)
                .extract()
                .path("clusterId");
        given().auth()
                .oauth2(alice.token("cluster:write"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .patch("/v1beta1/clusters/" + id)
                .then()
                .spec(badRequestNaming(field));
    }

    // --- helpers ----------------------------------------------------------------------------------

    private static org.hamcrest.Matcher<Integer> anyOf400or404() {
        return org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(404));
    }

    private static org.hamcrest.Matcher<Integer> anyCodeOf(int a, int b) {
        return org.hamcrest.Matchers.anyOf(equalTo(a), equalTo(b));
    }
}
