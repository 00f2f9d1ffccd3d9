package io.tidbcloud.api.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's switched-off authorization (bench/api-auth-overhead/auth-off) is added only by a
 * build with -Dbench.auth-off: the normal build has neither its classes nor its beans.
 */
@QuarkusTest
class BenchModeAbsentTest {

    private static final String BENCH_PACKAGE = "io.tidbcloud.bench.";

    @Test
    void normalBuildHasNoBenchCallerAndStillDemandsATokenForClusters() {
        assertThatThrownBy(() -> Class.forName(BENCH_PACKAGE + "authoff.BenchAuthenticationMechanism"))
                .isInstanceOf(ClassNotFoundException.class);
        for (InstanceHandle<HttpAuthenticationMechanism> mechanism :
                Arc.container().select(HttpAuthenticationMechanism.class).handles()) {
            assertThat(mechanism.getBean().getBeanClass().getName()).doesNotStartWith(BENCH_PACKAGE);
        }
        given().get("/v1beta1/clusters").then().statusCode(401).body("code", equalTo(16));
    }
}
