package io.tidbcloud.api.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tidbcloud.api.testing.ApiRequests;
import io.tidbcloud.api.testing.KeycloakClients;
import io.tidbcloud.contract.scope.ApiScope;
import io.tidbcloud.testsupport.TestClient;
import io.tidbcloud.testsupport.hostile.Answer;
import io.tidbcloud.testsupport.hostile.ApiOperation;
import io.tidbcloud.testsupport.hostile.RawRequest;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Alice, with every scope, aims at Bob's objects through every id- and page-taking input of every
 * operation the OpenAPI document declares: Bob's real project and cluster ids in every path
 * parameter and in project_id / filter, random and forged ids, Bob's page tokens and altered
 * tokens of her own. Each answer is 404 or 400 with the error body, and no answer to Alice ever
 * carries Bob's ids or names; Bob's objects are unchanged afterwards.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenancyTest {

    private static final String[] ALL_SCOPES =
            Arrays.stream(ApiScope.values()).map(ApiScope::value).toArray(String[]::new);

    @RegisterExtension
    static final KeycloakClients keycloak = new KeycloakClients();

    private static TestClient alice;
    private static TestClient bob;
    private static String bobsSecretName;
    private static final List<String> bobsProjects = new ArrayList<>();
    private static final List<String> bobsClusters = new ArrayList<>();
    /** Everything of Bob's that must never reach Alice: ids, names, organization. */
    private static final Set<String> bobsSecrets = new LinkedHashSet<>();

    private static String alicesCluster;

    @TestHTTPResource("/")
    URL base;

    /** Set up by the first test that runs (RestAssured's port is the test's only once Quarkus runs). */
    private static synchronized void twoTenants() {
        if (alice != null) {
            return;
        }
        alice = keycloak.create("tenancy-alice", ALL_SCOPES);
        bob = keycloak.create("tenancy-bob", ALL_SCOPES);
        bobsSecretName = "bobs-secret-" + ApiRequests.shortId();
        bobsProjects.add(ApiRequests.defaultProjectOf(bob));
        bobsProjects.add(ApiRequests.createProject(bob, bobsSecretName + "-p1"));
        bobsProjects.add(ApiRequests.createProject(bob, bobsSecretName + "-p2"));
        bobsClusters.add(ApiRequests.createCluster(bob, bobsSecretName + "-c1", "regions/aws-us-east-1", null)
                .extract()
                .<String>path("clusterId"));
        bobsClusters.add(
                ApiRequests.createCluster(bob, bobsSecretName + "-c2", "regions/aws-us-east-1", bobsProjects.get(1))
                        .extract()
                        .<String>path("clusterId"));
        bobsSecrets.add(bobsSecretName);
        bobsSecrets.addAll(bobsProjects);
        bobsSecrets.addAll(bobsClusters);
        ApiRequests.createProject(alice, "alice-second");
        alicesCluster = ApiRequests.createCluster(alice, "alice-own", "regions/aws-us-east-1", null)
                .extract()
                .path("clusterId");
        ApiRequests.createCluster(alice, "alice-other", "regions/aws-us-east-1", null);
    }

    @AfterAll
    static void clear() {
        alice = null;
        bobsProjects.clear();
        bobsClusters.clear();
        bobsSecrets.clear();
    }

    @Order(1)
    @TestFactory
    Stream<DynamicTest> everyPathIdOfAnotherTenantOrForgedIsNotFoundOrBadRequest() {
        twoTenants();
        List<String> ids = new ArrayList<>();
        ids.addAll(bobsProjects);
        ids.addAll(bobsClusters);
        ids.addAll(List.of(
                CloudApiOperations.randomId(),
                "0",
                "-1",
                "9223372036854775807",
                "9223372036854775808",
                "99999999999999999999",
                "1e18",
                "abc",
                "%00",
                "%2e%2e",
                "%20",
                "%C3%A9",
                "1".repeat(2000),
                bobsClusters.get(0) + "%00",
                bobsClusters.get(0) + "%20",
                "+" + bobsClusters.get(0).substring(1),
                "0" + bobsClusters.get(0)));
        List<DynamicTest> tests = new ArrayList<>();
        for (ApiOperation operation : CloudApiOperations.bearer(base)) {
            if (!operation.takesPathParameters()) {
                continue;
            }
            for (String id : ids) {
                RawRequest request = RawRequest.of(operation.method(), operation.pathWith(id));
                if (operation.takesBody()) {
                    request = request.body("application/json", "{\"displayName\": \"alice-renamed\"}");
                }
                RawRequest sent = request.bearer(alice.token(ALL_SCOPES));
                tests.add(DynamicTest.dynamicTest(
                        operation + " as Alice with id " + abbreviate(id), () -> assertRefused(sent, 404, 400)));
            }
        }
        return tests.stream();
    }

    @Order(2)
    @TestFactory
    Stream<DynamicTest> everyProjectFilterNamingAnotherTenantsProjectIsNotFound() {
        twoTenants();
        List<DynamicTest> tests = new ArrayList<>();
        for (ApiOperation operation : CloudApiOperations.bearer(base)) {
            for (String parameter : List.of("project_id", "filter")) {
                if (!operation.queryParameters().contains(parameter)) {
                    continue;
                }
                for (String project : bobsProjects) {
                    String value = parameter.equals("filter") ? "projectId=" + project : project;
                    RawRequest request = RawRequest.of(
                                    operation.method(), operation.path() + "?" + parameter + "=" + encode(value))
                            .bearer(alice.token(ALL_SCOPES));
                    tests.add(DynamicTest.dynamicTest(
                            operation + " as Alice with " + parameter + "=" + value,
                            () -> assertRefused(request, 404)));
                }
            }
        }
        assertFalse(tests.isEmpty(), "the OpenAPI document names no project_id or filter parameter");
        return tests.stream();
    }

    @Order(3)
    @TestFactory
    Stream<DynamicTest> everyPageTokenOfAnotherTenantOrAlteredIsBadRequest() {
        twoTenants();
        List<DynamicTest> tests = new ArrayList<>();
        List<ApiOperation> paged = CloudApiOperations.bearer(base).stream()
                .filter(operation -> operation.queryParameters().contains("pageToken"))
                .toList();
        assertFalse(paged.isEmpty(), "the OpenAPI document names no pageToken parameter");
        List<String> alicesTokens = new ArrayList<>();
        for (ApiOperation operation : paged) {
            alicesTokens.add(nextPageToken(operation, alice));
        }
        for (ApiOperation operation : paged) {
            String alices = nextPageToken(operation, alice);
            List<String> tokens = new ArrayList<>();
            for (ApiOperation other : paged) {
                tokens.add(nextPageToken(other, bob));
            }
            tokens.addAll(
                    alicesTokens.stream().filter(token -> !token.equals(alices)).toList());
            tokens.addAll(altered(alices));
            for (String token : tokens) {
                RawRequest request = RawRequest.of(
                                operation.method(), operation.path() + "?pageSize=1&pageToken=" + encode(token))
                        .bearer(alice.token(ALL_SCOPES));
                tests.add(DynamicTest.dynamicTest(
                        operation + " as Alice with pageToken " + abbreviate(token),
                        () -> assertRefused(request, 400)));
            }
        }
        return tests.stream();
    }

    @Order(4)
    @Test
    void aClusterCannotBeCreatedInOrMovedToAnotherTenantsProject() {
        twoTenants();
        for (String project : bobsProjects) {
            String labels = "\"labels\": {\"tidb.cloud/project\": \"" + project + "\"}";
            assertRefused(
                    RawRequest.of("POST", "/v1beta1/clusters")
                            .body(
                                    "application/json",
                                    "{\"displayName\": \"alice-intruder\", \"region\": {\"name\": \"regions/aws-us-east-1\"}, "
                                            + labels + "}")
                            .bearer(alice.token(ALL_SCOPES)),
                    404);
            assertRefused(
                    RawRequest.of("PATCH", "/v1beta1/clusters/" + alicesCluster)
                            .body("application/json", "{" + labels + "}")
                            .bearer(alice.token(ALL_SCOPES)),
                    404);
        }
    }

    @Order(5)
    @Test
    void bobsObjectsAreUnchangedAfterEverything() {
        twoTenants();
        Answer projects = RawRequest.of("GET", "/v1beta1/projects?page_size=100")
                .bearer(bob.token(ALL_SCOPES))
                .send(base.toString());
        assertEquals(200, projects.status(), projects.shown());
        assertEquals(3, projects.json().path("totalSize").asInt(), projects.shown());
        for (String cluster : bobsClusters) {
            Answer answer = RawRequest.of("GET", "/v1beta1/clusters/" + cluster)
                    .bearer(bob.token(ALL_SCOPES))
                    .send(base.toString());
            assertEquals(200, answer.status(), answer.shown());
            assertFalse(answer.json().path("displayName").asText().startsWith("alice"), answer.shown());
            assertFalse(answer.json().path("state").asText().startsWith("DELET"), answer.shown());
        }
    }

    /** The next-page token of the first page of size 1 of this list, for this tenant (who has two or more). */
    private String nextPageToken(ApiOperation list, TestClient who) {
        Answer answer = RawRequest.of(list.method(), list.path() + "?pageSize=1")
                .bearer(who.token(ALL_SCOPES))
                .send(base.toString());
        assertEquals(200, answer.status(), answer.shown());
        String token = answer.json().path("nextPageToken").asText();
        assertFalse(token.isEmpty(), list + " gave no next page token: " + answer.shown());
        return token;
    }

    /** Alice's own token, altered: another offset under the same signature, cut, extended, re-signed with nothing. */
    private static List<String> altered(String token) {
        int dot = token.indexOf('.');
        String payload = token.substring(0, dot);
        String signature = token.substring(dot + 1);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        List<String> altered = new ArrayList<>();
        for (String offset : List.of("0", "2", "100", "-1", "2147483647", "abc")) {
            altered.add(base64.encodeToString(offset.getBytes(StandardCharsets.US_ASCII)) + "." + signature);
        }
        altered.add(payload + ".");
        altered.add(payload);
        altered.add(payload + "." + signature.substring(0, signature.length() - 2));
        altered.add(payload + "." + signature + "AA");
        altered.add(payload + "." + (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1));
        altered.add("." + signature);
        altered.add(token + "." + token);
        altered.add("not a token");
        altered.add("%%%");
        return altered;
    }

    /** 404/400 as allowed, the error body, and nothing of Bob's in the answer. */
    private void assertRefused(RawRequest request, int... allowed) {
        Answer answer = request.send(base.toString());
        boolean expected = Arrays.stream(allowed).anyMatch(status -> status == answer.status());
        if (!expected) {
            throw new AssertionError(request + ": status " + answer.status() + " instead of " + Arrays.toString(allowed)
                    + ": " + answer.shown());
        }
        answer.clientErrorProblem().ifPresent(problem -> {
            throw new AssertionError(request + ": " + problem);
        });
        // an id Alice sent may come back in the message ("Cluster <id> not found"); nothing else of Bob's may
        String sent = request.toString()
                + new String(request.body() == null ? new byte[0] : request.body(), StandardCharsets.UTF_8)
                + request.path();
        for (String secret : bobsSecrets) {
            if (!sent.contains(secret) && answer.body().contains(secret)) {
                throw new AssertionError(
                        request + ": the answer to Alice names Bob's " + secret + ": " + answer.shown());
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
