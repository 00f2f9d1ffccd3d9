package io.tidbcloud.api.hostile;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tidbcloud.api.testing.ApiRequests;
import io.tidbcloud.api.testing.KeycloakClients;
import io.tidbcloud.contract.scope.ApiScope;
import io.tidbcloud.testsupport.TestClient;
import io.tidbcloud.testsupport.hostile.FuzzRun;
import io.tidbcloud.testsupport.hostile.Fuzzer;
import java.net.URL;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A seeded corpus of hostile requests (bodies, content types, methods, query values, path
 * segments) to every operation of the cloud API's OpenAPI document, with a token holding every
 * scope and ids of the caller's own objects, so that each request reaches the endpoint's own
 * checks: every answer is a 4xx with the error body and a message, or a 2xx for an input that is
 * valid; none is a 5xx. The seed is printed; {@code -Dtidbcloud.fuzz.seed=<n>} replays a corpus.
 */
@QuarkusTest
class FuzzTest {

    private static final int CASES = 1_200;

    @RegisterExtension
    static final KeycloakClients keycloak = new KeycloakClients();

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyHostileRequestGetsAClientErrorWithAMessageOrSucceedsAndNoneAServerError() {
        String[] scopes = Arrays.stream(ApiScope.values()).map(ApiScope::value).toArray(String[]::new);
        TestClient caller = keycloak.create("fuzz", scopes);
        String project = ApiRequests.defaultProjectOf(caller);
        String cluster = ApiRequests.createCluster(caller, "fuzz-own", "regions/aws-us-east-1", null)
                .extract()
                .path("clusterId");
        long seed = FuzzRun.seed();
        Fuzzer fuzzer = new Fuzzer(
                seed,
                CloudApiOperations.bearer(base),
                operation -> operation.pathWith(Map.of("projectId", project, "clusterId", cluster)));
        FuzzRun.of("cloud-api-service", seed, fuzzer.cases(CASES, caller.token(scopes)))
                .sendTo(base.toString())
                .assertNoServerErrorAndEveryClientErrorExplained();
    }
}
