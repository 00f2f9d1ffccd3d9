package io.tidbcloud.api.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tidbcloud.testsupport.TestClient;
import java.util.Map;
import java.util.UUID;

/**
 * The calls tests make to set up their case (a project, a cluster, the caller's default project),
 * each with the one scope it needs. They fail at once if the set-up fails, so that a test's own
 * assertions are only about its case.
 */
public final class ApiRequests {

    private ApiRequests() {}

    /** The id of the project every new tenant gets, named {@code default}. */
    public static String defaultProjectOf(TestClient user) {
        return given().auth()
                .oauth2(user.token("project:read"))
                .get("/v1beta1/projects")
                .then()
                .statusCode(200)
                .body("projects.name", hasItem("default"))
                .extract()
                .path("projects.find { it.name == 'default' }.id");
    }

    /** Creates a project and answers its id. */
    public static String createProject(TestClient user, String name) {
        return given().auth()
                .oauth2(user.token("project:write"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", name))
                .post("/v1beta1/projects")
                .then()
                .statusCode(201)
                .body("name", equalTo(name))
                .extract()
                .path("id");
    }

    /**
     * Creates a cluster, in the given project or (with {@code null}) in the caller's default one;
     * the answer is still open for the caller's own assertions.
     */
    public static ValidatableResponse createCluster(
            TestClient user, String displayName, String region, String projectId) {
        Map<String, Object> body = projectId == null
                ? Map.of("displayName", displayName, "region", Map.of("name", region))
                : Map.of(
                        "displayName",
                        displayName,
                        "region",
                        Map.of("name", region),
                        "labels",
                        Map.of("tidb.cloud/project", projectId));
        return given().auth()
                .oauth2(user.token("cluster:write"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1beta1/clusters")
                .then()
                .statusCode(201)
                .body("state", equalTo("CREATING"));
    }

    /** GET of one cluster, whatever the status. */
    public static ValidatableResponse getCluster(TestClient user, String id) {
        return given().auth()
                .oauth2(user.token("cluster:read"))
                .when()
                .get("/v1beta1/clusters/" + id)
                .then();
    }

    /** A short random suffix for names that must be unique within a tenant across test runs. */
    public static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
