package io.tidbcloud.auth.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tidbcloud.testsupport.TestClient;
import io.tidbcloud.testsupport.TokenForge;
import io.tidbcloud.testsupport.hostile.Answer;
import io.tidbcloud.testsupport.hostile.ApiOperation;
import io.tidbcloud.testsupport.hostile.RawRequest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Alice aims every id-taking operation of auth-service's OpenAPI document at Bob's application and
 * session, at the realm's own clients and at forged ids: each answer is 404 (or 400) with the
 * error body, her list never shows Bob's application, no answer names it, and Bob's application
 * is still his afterwards.
 */
@QuarkusTest
class TenancyTest {

    private static PortalShapedTokens tokens;

    @TestHTTPResource("/")
    URL base;

    @AfterAll
    static void deleteClients() {
        if (tokens != null) {
            tokens.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyIdOfAnotherPersonOrForgedIsNotFound() {
        tokens = new PortalShapedTokens();
        TestClient alice = tokens.person("tenancy-alice");
        TestClient bob = tokens.person("tenancy-bob");
        String bobsToken = tokens.tokenOf(bob);
        String bobsName = "bobs-secret-app-" + UUID.randomUUID().toString().substring(0, 8);
        Answer registered = RawRequest.of("POST", "/v1/apps")
                .body(
                        "application/json",
                        "{\"name\": \"" + bobsName
                                + "\", \"kind\": \"web\", \"redirectUris\": [\"https://bob.example/cb\"],"
                                + " \"scopes\": [\"project:read\"]}")
                .bearer(bobsToken)
                .send(base.toString());
        assertEquals(201, registered.status(), registered.shown());
        String bobsApp = registered.json().path("clientId").asText();
        String bobsSession = TokenForge.claimsOf(bobsToken).path("sid").asText();
        List<String> ids = new ArrayList<>(List.of(
                bobsApp,
                "web-portal",
                "ticloud-cli",
                "auth-service",
                "cloud-api",
                "realm-management",
                "account",
                "admin-cli",
                AuthServiceOperations.unknownId(),
                UUID.randomUUID().toString(),
                "%00",
                "%20",
                "%C3%A9",
                "x".repeat(2000),
                bobsApp.toUpperCase(),
                bobsApp + "%20"));
        if (!bobsSession.isEmpty()) {
            ids.add(bobsSession);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (ApiOperation operation : AuthServiceOperations.bearer(base)) {
            if (!operation.takesPathParameters()) {
                continue;
            }
            for (String id : ids) {
                RawRequest request = RawRequest.of(operation.method(), operation.pathWith(id));
                if (operation.takesBody()) {
                    request = request.body("application/json", "{}");
                }
                RawRequest sent = request.bearer(tokens.tokenOf(alice));
                tests.add(DynamicTest.dynamicTest(operation + " as Alice with id " + abbreviate(id), () -> {
                    Answer answer = sent.send(base.toString());
                    if (answer.status() != 404 && answer.status() != 400) {
                        throw new AssertionError(
                                sent + ": status " + answer.status() + " instead of 404: " + answer.shown());
                    }
                    answer.clientErrorProblem().ifPresent(problem -> {
                        throw new AssertionError(sent + ": " + problem);
                    });
                    assertFalse(answer.body().contains(bobsName), answer.shown());
                    String path = new String(sent.path().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
                    if (!path.contains(bobsApp)) {
                        assertFalse(answer.body().contains(bobsApp), answer.shown());
                    }
                }));
            }
        }
        tests.add(DynamicTest.dynamicTest("Alice's list of applications does not show Bob's", () -> {
            Answer list = RawRequest.of("GET", "/v1/apps")
                    .bearer(tokens.tokenOf(alice))
                    .send(base.toString());
            assertEquals(200, list.status(), list.shown());
            assertFalse(list.body().contains(bobsApp) || list.body().contains(bobsName), list.shown());
        }));
        tests.add(DynamicTest.dynamicTest("Bob's application is still his, unchanged, afterwards", () -> {
            Answer his = RawRequest.of("GET", "/v1/apps/" + bobsApp)
                    .bearer(bobsToken)
                    .send(base.toString());
            assertEquals(200, his.status(), his.shown());
            assertEquals(bobsName, his.json().path("name").asText(), his.shown());
            Answer deleted = RawRequest.of("DELETE", "/v1/apps/" + bobsApp)
                    .bearer(bobsToken)
                    .send(base.toString());
            assertEquals(204, deleted.status(), deleted.shown());
        }));
        return tests.stream();
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
