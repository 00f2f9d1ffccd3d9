package io.tidbcloud.auth.hostile;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tidbcloud.testsupport.TestClient;
import io.tidbcloud.testsupport.hostile.Answer;
import io.tidbcloud.testsupport.hostile.FuzzRun;
import io.tidbcloud.testsupport.hostile.Fuzzer;
import io.tidbcloud.testsupport.hostile.RawRequest;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A seeded corpus of hostile requests to every Bearer operation of auth-service's OpenAPI
 * document (registration bodies above all), as a person of the portal's API: every answer is a
 * 4xx with the error body and a message, or a 2xx for an input that is valid; none is a 5xx. Path
 * ids name nothing of anyone's, so no request can end a real session or consent. The applications
 * a valid body happened to register are deleted afterwards.
 */
@QuarkusTest
class FuzzTest {

    private static final int CASES = 500;

    private static PortalShapedTokens tokens;

    @TestHTTPResource("/")
    URL base;

    @AfterAll
    static void deleteClients() {
        if (tokens != null) {
            tokens.close();
        }
    }

    @Test
    void everyHostileRequestGetsAClientErrorWithAMessageOrSucceedsAndNoneAServerError() {
        tokens = new PortalShapedTokens();
        TestClient person = tokens.person("fuzz-person");
        String token = tokens.tokenOf(person);
        long seed = FuzzRun.seed();
        Fuzzer fuzzer = new Fuzzer(
                seed,
                AuthServiceOperations.bearer(base),
                operation -> operation.pathWith(AuthServiceOperations.unknownId()));
        try {
            FuzzRun.of("auth-service", seed, fuzzer.cases(CASES, token))
                    .sendTo(base.toString())
                    .assertNoServerErrorAndEveryClientErrorExplained();
        } finally {
            Answer apps = RawRequest.of("GET", "/v1/apps").bearer(token).send(base.toString());
            if (apps.json() != null) {
                apps.json()
                        .path("apps")
                        .forEach(app -> RawRequest.of(
                                        "DELETE",
                                        "/v1/apps/" + app.path("clientId").asText())
                                .bearer(token)
                                .send(base.toString()));
            }
        }
    }
}
