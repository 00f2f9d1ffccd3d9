package io.tidbcloud.api.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tidbcloud.api.testing.KeycloakClients;
import io.tidbcloud.contract.scope.ApiScope;
import io.tidbcloud.testsupport.KeycloakAdmin;
import io.tidbcloud.testsupport.TestClient;
import io.tidbcloud.testsupport.hostile.Answer;
import io.tidbcloud.testsupport.hostile.ApiOperation;
import io.tidbcloud.testsupport.hostile.BadToken;
import io.tidbcloud.testsupport.hostile.BadTokens;
import io.tidbcloud.testsupport.hostile.RawRequest;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every bad token of issue #17 on every Bearer endpoint of the cloud API, the endpoints read from
 * its OpenAPI document: each answers 401 {@code invalid_token} with the error body (no token: the
 * bare challenge), never 5xx. Revoked tokens and tokens of disabled or deleted users need the
 * revocation feed, which this module's tests run without: {@code HostileTokensEndToEndTest} in
 * e2e-tests covers them.
 */
@QuarkusTest
class HostileTokenTest {

    private static final String[] ALL_SCOPES =
            Arrays.stream(ApiScope.values()).map(ApiScope::value).toArray(String[]::new);

    @RegisterExtension
    static final KeycloakClients keycloak = new KeycloakClients();

    @TestHTTPResource("/")
    URL base;

    @TestFactory
    Stream<DynamicTest> everyBearerEndpointAnswersEveryBadTokenAsRfc6750Says() {
        List<ApiOperation> operations = CloudApiOperations.bearer(base);
        KeycloakAdmin admin = keycloak.admin();
        TestClient caller = keycloak.create("hostile-caller", ALL_SCOPES);
        admin.setClientAttribute(caller, "client_credentials.use_refresh_token", "true");
        List<String> withOpenId = new ArrayList<>(List.of(ALL_SCOPES));
        withOpenId.add("openid");
        var tokens = caller.tokenResponse(withOpenId.toArray(String[]::new));
        assertTrue(tokens.hasNonNull("refresh_token") && tokens.hasNonNull("id_token"), tokens::toString);
        BadTokens.Material material = new BadTokens.Material(
                caller.token(ALL_SCOPES),
                admin.addHeldSigningKey("hostile-tokens"),
                admin.activeSigningPublicKey(),
                admin.foreignRealmToken("hostile"),
                tokens.path("refresh_token").asText(),
                tokens.path("id_token").asText());
        List<BadToken> cases = BadTokens.of(material, BadToken.Expected.INVALID_TOKEN);
        return cases.stream()
                .flatMap(bad -> operations.stream()
                        .map(operation -> DynamicTest.dynamicTest(
                                bad.name() + ": " + operation + " answers " + bad.expected(), () -> {
                                    RawRequest request = bad.present().apply(CloudApiOperations.harmless(operation));
                                    Answer answer = request.send(base.toString());
                                    bad.expected().problemWith(answer).ifPresent(problem -> {
                                        throw new AssertionError(request + ": " + problem);
                                    });
                                })));
    }
}
