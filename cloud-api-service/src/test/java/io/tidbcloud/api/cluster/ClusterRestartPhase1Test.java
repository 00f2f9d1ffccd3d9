package io.tidbcloud.api.cluster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.tidbcloud.api.testing.KeycloakClients;
import io.tidbcloud.testsupport.TestClient;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lifecycle across a restart, part 1: an instance that goes down with work in flight. Its worker
 * is off (as if the process died right after answering), so one cluster stays CREATING and one
 * DELETING well past their provisioning delays. {@link ClusterRestartPhase2Test} then runs in a
 * freshly started application on the same database (Quarkus restarts between test profiles; the
 * profile-aware class orderer runs this profile first) and must finish both.
 */
@QuarkusTest
@TestProfile(ClusterRestartPhase1Test.WorkerDown.class)
class ClusterRestartPhase1Test {

    static final String TOKEN = "tidbcloud.test.restart.token";
    static final String CREATING = "tidbcloud.test.restart.creating";
    static final String DELETING = "tidbcloud.test.restart.deleting";

    // Deletes erin after this class; the token it got stays valid (5 minutes) for part 2.
    @RegisterExtension
    static final KeycloakClients keycloak = new KeycloakClients();
    private static TestClient erin;

    public static class WorkerDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tidbcloud.api.provisioning.poll-interval", "off");
        }
    }

    @BeforeAll
    static void createClients() {
        erin = keycloak.create("restart-erin", "cluster:read", "cluster:write");
    }

    @Test
    void clustersWaitingForTheWorkerStayInTheirTransitionalStates() throws InterruptedException {
        String token = erin.token("cluster:read", "cluster:write");
        String creating = create(token, "resume-create");
        String deleting = create(token, "resume-delete");
        given().auth().oauth2(token).delete("/v1beta1/clusters/" + deleting)
                .then().statusCode(200).body("state", equalTo("DELETING"));

        Thread.sleep(2_500); // longer than the test profile's 1 s create and delete delays
        given().auth().oauth2(token).get("/v1beta1/clusters/" + creating).then().statusCode(200).body("state", equalTo("CREATING"));
        given().auth().oauth2(token).get("/v1beta1/clusters/" + deleting).then().statusCode(200).body("state", equalTo("DELETING"));

        System.setProperty(TOKEN, token);
        System.setProperty(CREATING, creating);
        System.setProperty(DELETING, deleting);
    }

    private static String create(String token, String name) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("displayName", name, "region", Map.of("name", "regions/aws-eu-central-1")))
                .post("/v1beta1/clusters")
                .then().statusCode(201).body("state", equalTo("CREATING"))
                .extract().path("clusterId");
    }
}
