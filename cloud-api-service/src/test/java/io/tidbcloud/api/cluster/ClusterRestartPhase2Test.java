package io.tidbcloud.api.cluster;

import io.tidbcloud.api.testing.Await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lifecycle across a restart, part 2: a new application instance (Quarkus restarted for this
 * profile, the database kept) finds the work part 1 left pending and finishes it.
 */
@QuarkusTest
@TestProfile(ClusterRestartPhase2Test.Restarted.class)
class ClusterRestartPhase2Test {

    public static class Restarted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Keep part 1's data: this is a restart, not a fresh install.
            return Map.of("quarkus.flyway.clean-at-start", "false");
        }
    }

    @Test
    void afterARestartPendingCreateAndDeleteAreFinished() {
        String token = System.getProperty(ClusterRestartPhase1Test.TOKEN);
        assumeTrue(token != null, "runs after ClusterRestartPhase1Test in the same build");
        String creating = System.getProperty(ClusterRestartPhase1Test.CREATING);
        String deleting = System.getProperty(ClusterRestartPhase1Test.DELETING);

        Await.until("the cluster left CREATING is ACTIVE", Duration.ofSeconds(20), () -> "ACTIVE".equals(
                given().auth().oauth2(token).get("/v1beta1/clusters/" + creating).then().extract().path("state")));
        given().auth().oauth2(token).get("/v1beta1/clusters/" + creating)
                .then().statusCode(200)
                .body("endpoints.public.host", equalTo("gateway01.eu-central-1.prod.aws.tidbcloud.com"))
                .body("endpoints.public.port", equalTo(4000))
                .body("userPrefix", matchesPattern("[A-Za-z0-9]{15}"));

        Await.until("the cluster left DELETING is gone", Duration.ofSeconds(20), () ->
                given().auth().oauth2(token).get("/v1beta1/clusters/" + deleting).then().extract().statusCode() == 404);
        given().auth().oauth2(token).get("/v1beta1/clusters")
                .then().statusCode(200)
                .body("totalSize", equalTo(1))
                .body("clusters[0].clusterId", equalTo(creating));
    }
}
