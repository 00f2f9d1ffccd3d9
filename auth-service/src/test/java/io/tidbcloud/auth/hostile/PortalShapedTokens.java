package io.tidbcloud.auth.hostile;

import io.tidbcloud.testsupport.KeycloakAdmin;
import io.tidbcloud.testsupport.PortalSignIn;
import io.tidbcloud.testsupport.TestClient;
import io.tidbcloud.testsupport.TokenForge;

/**
 * Tokens of the portal's shape ({@code azp} web-portal, {@code aud} auth-service) for test clients'
 * service-account users, each a person of auth-service's API, without a browser sign-in: the client's
 * real token with those two claims changed, signed by a key the realm publishes and the test
 * holds. auth-service verifies them as it verifies the portal's own (signature, issuer, expiry, type).
 */
final class PortalShapedTokens implements AutoCloseable {

    private final KeycloakAdmin admin = KeycloakAdmin.fromEnvironment();
    private KeycloakAdmin.HeldSigningKey key;

    KeycloakAdmin admin() {
        return admin;
    }

    /** A new person: a test client whose service-account user stands for them. */
    TestClient person(String name) {
        return admin.createServiceClient(name);
    }

    /** A portal-shaped token of the client's service-account user (scope openid: with a session id, {@code sid}). */
    String tokenOf(TestClient person) {
        return portalShaped(person.tokenResponse("openid").path("access_token").asText());
    }

    /** {@code token}'s claims with the portal's {@code azp} and auth-service's {@code aud}, signed by the held key. */
    String portalShaped(String token) {
        return TokenForge.from(token).signedBy(key(), claims -> {
            claims.put("azp", PortalSignIn.PORTAL_CLIENT_ID);
            claims.putArray("aud").add("auth-service");
        });
    }

    synchronized KeycloakAdmin.HeldSigningKey key() {
        if (key == null) {
            key = admin.addHeldSigningKey("portal-shaped");
        }
        return key;
    }

    @Override
    public void close() {
        admin.close();
    }
}
