package io.tidbcloud.auth.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tidbcloud.testsupport.KeycloakAdmin;
import io.tidbcloud.testsupport.PortalSignIn;
import io.tidbcloud.testsupport.TestClient;
import io.tidbcloud.testsupport.TokenForge;
import io.tidbcloud.testsupport.hostile.Answer;
import io.tidbcloud.testsupport.hostile.ApiOperation;
import io.tidbcloud.testsupport.hostile.BadToken;
import io.tidbcloud.testsupport.hostile.BadTokens;
import io.tidbcloud.testsupport.hostile.RawRequest;
import java.net.URL;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every bad token of issue #17 on every Bearer endpoint of auth-service (the portal's API and the
 * revocation feed), the endpoints read from its OpenAPI document: each answers 401
 * {@code invalid_token} with the error body (no token: the bare challenge), never 5xx.
 *
 * <p>The valid token the cases start from is a portal token's shape ({@code azp} web-portal,
 * {@code aud} auth-service) signed by a key the realm publishes and the test holds, so that no
 * browser sign-in is needed and each forged case differs from an accepted token by its one defect.
 * A token whose only defect is its audience gets 403 here, not 401: the contract answers every
 * token that is not the portal's with 403 (ARCHITECTURE.md, auth-service API). Revoked tokens and
 * tokens of disabled or deleted people: {@code HostileTokensEndToEndTest} in e2e-tests, where
 * Keycloak's listener delivers to auth-service.
 */
@QuarkusTest
class HostileTokenTest {

    private static KeycloakAdmin admin;

    @TestHTTPResource("/")
    URL base;

    @AfterAll
    static void removeKeysAndClients() {
        if (admin != null) {
            admin.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyBearerEndpointAnswersEveryBadTokenAsRfc6750Says() {
        List<ApiOperation> operations = AuthServiceOperations.bearer(base);
        admin = KeycloakAdmin.fromEnvironment();
        TestClient client = admin.createServiceClient("hostile-portal");
        admin.setClientAttribute(client, "client_credentials.use_refresh_token", "true");
        var tokens = client.tokenResponse("openid");
        assertTrue(tokens.hasNonNull("refresh_token") && tokens.hasNonNull("id_token"), tokens::toString);
        KeycloakAdmin.HeldSigningKey key = admin.addHeldSigningKey("hostile-portal");
        String portalShaped = TokenForge.from(tokens.path("access_token").asText())
                .signedBy(key, claims -> {
                    claims.put("azp", PortalSignIn.PORTAL_CLIENT_ID);
                    claims.putArray("aud").add("auth-service");
                });
        BadTokens.Material material = new BadTokens.Material(
                portalShaped,
                key,
                admin.activeSigningPublicKey(),
                admin.foreignRealmToken("hostile"),
                tokens.path("refresh_token").asText(),
                tokens.path("id_token").asText());
        List<BadToken> cases = BadTokens.of(material, BadToken.Expected.FORBIDDEN);
        return cases.stream()
                .flatMap(bad -> operations.stream()
                        .map(operation -> DynamicTest.dynamicTest(
                                bad.name() + ": " + operation + " answers " + bad.expected(), () -> {
                                    RawRequest request = bad.present().apply(AuthServiceOperations.harmless(operation));
                                    Answer answer = request.send(base.toString());
                                    bad.expected().problemWith(answer).ifPresent(problem -> {
                                        throw new AssertionError(request + ": " + problem);
                                    });
                                })));
    }
}
