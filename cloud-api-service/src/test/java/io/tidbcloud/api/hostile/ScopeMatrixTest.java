package io.tidbcloud.api.hostile;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tidbcloud.api.testing.KeycloakClients;
import io.tidbcloud.contract.scope.ApiScope;
import io.tidbcloud.testsupport.TestClient;
import io.tidbcloud.testsupport.TokenForge;
import io.tidbcloud.testsupport.hostile.Answer;
import io.tidbcloud.testsupport.hostile.ApiOperation;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each cloud API operation (from its OpenAPI document, which names each one's scope) with a real
 * token of each of the 16 subsets of the four API scopes: a subset holding the operation's scope
 * passes the scope check (the answer is the endpoint's own: 2xx, or a 400/404 about the request),
 * any other subset gets 403 {@code insufficient_scope} naming the scope, code 7. An operation
 * without a scope (regions) takes any token of this API.
 *
 * <p>The empty subset: Keycloak adds the {@code cloud-api} audience only with an API scope, so a
 * real token without any is not a token of this API at all (401 {@code invalid_token}, audience).
 * The scope checks for an API token without scopes are exercised with the same claims as the
 * full token minus its scopes, signed by a key the realm publishes.
 */
@QuarkusTest
class ScopeMatrixTest {

    @RegisterExtension
    static final KeycloakClients keycloak = new KeycloakClients();

    @TestHTTPResource("/")
    URL base;

    @TestFactory
    Stream<DynamicTest> everyOperationWithEverySubsetOfTheApiScopes() {
        List<ApiOperation> operations = CloudApiOperations.bearer(base);
        List<String> all = Arrays.stream(ApiScope.values()).map(ApiScope::value).toList();
        TestClient caller = keycloak.create("scope-matrix", all.toArray(String[]::new));
        List<DynamicTest> tests = new ArrayList<>();
        for (int mask = 0; mask < 1 << all.size(); mask++) {
            List<String> subset = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    subset.add(all.get(i));
                }
            }
            String token = caller.token(subset.toArray(String[]::new));
            for (ApiOperation operation : operations) {
                tests.add(DynamicTest.dynamicTest(
                        operation + " with {" + String.join(" ", subset) + "}",
                        () -> check(operation, subset, token, !subset.isEmpty())));
            }
        }
        String noScopes = TokenForge.from(caller.token(all.toArray(String[]::new)))
                .signedBy(
                        keycloak.admin().addHeldSigningKey("scope-matrix"),
                        claims -> claims.put("scope", "profile email"));
        for (ApiOperation operation : operations) {
            tests.add(DynamicTest.dynamicTest(
                    operation + " with a token of this API without API scopes",
                    () -> check(operation, List.of(), noScopes, true)));
        }
        return tests.stream();
    }

    private void check(ApiOperation operation, List<String> scopes, String token, boolean forThisApi) {
        Answer answer = CloudApiOperations.harmless(operation).bearer(token).send(base.toString());
        Optional<String> needed = operation.scope();
        Optional<String> problem;
        if (!forThisApi) {
            problem = answer.invalidTokenProblem();
        } else if (needed.isPresent() && !scopes.contains(needed.get())) {
            problem = answer.insufficientScopeProblem(needed.get());
        } else if (answer.status() == 401 || answer.status() == 403 || answer.status() >= 500) {
            problem = Optional.of("the scope check refused a token with " + scopes + ": " + answer.shown());
        } else if (answer.status() >= 400) {
            problem = answer.clientErrorProblem();
        } else {
            problem = Optional.empty();
        }
        problem.ifPresent(p -> {
            throw new AssertionError(
                    operation + " with scopes " + scopes.stream().collect(Collectors.joining(" ")) + ": " + p);
        });
    }
}
