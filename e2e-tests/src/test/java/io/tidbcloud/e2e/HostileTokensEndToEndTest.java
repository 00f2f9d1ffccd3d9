package io.tidbcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidbcloud.contract.scope.ApiScope;
import io.tidbcloud.testsupport.KeycloakAdmin;
import io.tidbcloud.testsupport.PortalSignIn;
import io.tidbcloud.testsupport.TestClient;
import io.tidbcloud.testsupport.TokenForge;
import io.tidbcloud.testsupport.hostile.Answer;
import io.tidbcloud.testsupport.hostile.ApiOperation;
import io.tidbcloud.testsupport.hostile.ApiOperations;
import io.tidbcloud.testsupport.hostile.RawRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bad tokens of issue #17 that need the revocation path (Keycloak's listener, auth-service's
 * store and feed, the API's deny set): a token revoked at Keycloak (RFC 7009), a disabled user's
 * and a deleted user's, each refused as {@code invalid_token} by every Bearer endpoint of both
 * services, the endpoints read from each service's OpenAPI document.
 *
 * <p>The user is a test client's service account (no browser): the cloud API gets its real token;
 * auth-service's portal API gets the same token in the portal's shape ({@code azp} web-portal,
 * {@code aud} auth-service, same {@code jti}, {@code sub}, {@code sid}, {@code iat}), signed by a key
 * the realm publishes and the test holds, so a revocation of the real token covers it exactly as it
 * would cover the portal's own.
 */
class HostileTokensEndToEndTest {

    @RegisterExtension
    static final RevocationStack stack = RevocationStack.withApiInstances(1);

    private static final String[] ALL_SCOPES =
            Arrays.stream(ApiScope.values()).map(ApiScope::value).toArray(String[]::new);
    /** Waiting for the refusal; the one-second bound itself is asserted by the *RevocationEndToEndTest classes. */
    private static final Duration REFUSED_WITHIN = Duration.ofSeconds(10);

    private record Person(TestClient client, String apiToken, String portalToken) {}

    @Test
    void aTokenRevokedAtKeycloakIsInvalidTokenAtEveryBearerEndpointOfBothServices() throws Exception {
        Person person = person("hostile-revoked");
        RevocationStack.revokeAccessTokenAtKeycloak(person.client(), person.apiToken());
        assertRefusedEverywhere(person);
    }

    @Test
    void aDisabledUsersTokenIsInvalidTokenAtEveryBearerEndpointOfBothServices() throws Exception {
        Person person = person("hostile-disabled");
        stack.admin().setUserEnabled(person.client().subject(), false);
        assertRefusedEverywhere(person);
    }

    @Test
    void aDeletedUsersTokenIsInvalidTokenAtEveryBearerEndpointOfBothServices() throws Exception {
        Person person = person("hostile-deleted");
        stack.admin().deleteUser(person.client().subject());
        assertRefusedEverywhere(person);
    }

    /** A new user whose tokens both services accept now. */
    private Person person(String name) throws Exception {
        TestClient client = stack.admin().createServiceClient(name, ALL_SCOPES);
        client.subject();
        String apiToken = client.token(ALL_SCOPES);
        String portalToken = TokenForge.from(apiToken).signedBy(heldKey(), claims -> {
            claims.put("azp", PortalSignIn.PORTAL_CLIENT_ID);
            claims.putArray("aud").add("auth-service");
        });
        RevocationStack.assertAccepted(stack.apiUrl(), apiToken);
        Answer portal = RawRequest.of("GET", "/v1/apps").bearer(portalToken).send(stack.authServiceUrl());
        assertThat(portal.status()).as(portal.shown()).isEqualTo(200);
        return new Person(client, apiToken, portalToken);
    }

    private static KeycloakAdmin.HeldSigningKey heldKey;

    private static synchronized KeycloakAdmin.HeldSigningKey heldKey() {
        if (heldKey == null) {
            heldKey = stack.admin().addHeldSigningKey("hostile-e2e");
        }
        return heldKey;
    }

    private void assertRefusedEverywhere(Person person) throws Exception {
        RevocationStack.awaitStatus(stack.apiUrl(), person.apiToken(), 401, REFUSED_WITHIN);
        awaitRefused(stack.authServiceUrl(), "/v1/apps", person.portalToken());
        List<String> problems = new ArrayList<>();
        List<ApiOperation> api =
                ApiOperations.bearer(ApiOperations.of(stack.apiUrl()), "GET /v1beta1/projects", "GET /v1beta1/regions");
        List<ApiOperation> auth = ApiOperations.bearer(
                ApiOperations.of(stack.authServiceUrl()),
                "GET /v1/me/sessions",
                "GET /v1/apps",
                "GET /v1/revocations/feed");
        for (ApiOperation operation : api) {
            check(stack.apiUrl(), operation, person.apiToken(), problems);
        }
        for (ApiOperation operation : auth) {
            check(stack.authServiceUrl(), operation, person.portalToken(), problems);
        }
        assertThat(problems)
                .as("every Bearer endpoint refuses the token as invalid_token")
                .isEmpty();
    }

    private static void check(String baseUrl, ApiOperation operation, String token, List<String> problems) {
        RawRequest request = RawRequest.of(operation.method(), operation.pathWith("none-" + UUID.randomUUID()));
        if (operation.takesBody()) {
            request = request.body("application/json", "{}");
        }
        RawRequest sent = request.bearer(token);
        sent.send(baseUrl).invalidTokenProblem().ifPresent(problem -> problems.add(sent + ": " + problem));
    }

    private static void awaitRefused(String baseUrl, String path, String token) throws InterruptedException {
        long deadline = System.nanoTime() + REFUSED_WITHIN.toNanos();
        Answer answer;
        do {
            answer = RawRequest.of("GET", path).bearer(token).send(baseUrl);
            if (answer.status() == 401) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(baseUrl + path + " still answers " + answer.shown());
    }
}
