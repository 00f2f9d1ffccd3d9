package io.tidbcloud.api.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The benchmark's switched-off authorization exists only in a -Dquarkus.profile=bench build. */
@QuarkusTest
class BenchModeAbsentTest {

    @Test
    void normalBuildHasNoBenchCallerAndStillDemandsATokenForClusters() {
        assertFalse(Arc.container().select(BenchModeCaller.class).isResolvable());
        assertFalse(Arc.container().select(BenchAuthenticationMechanism.class).isResolvable());
        given().get("/v1beta1/clusters").then().statusCode(401).body("code", equalTo(16));
    }
}
