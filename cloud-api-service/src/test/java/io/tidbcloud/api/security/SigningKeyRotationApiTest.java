package io.tidbcloud.api.security;

import static io.restassured.RestAssured.given;
import static io.tidbcloud.api.testing.ErrorResponses.unauthorizedAsInvalidToken;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tidbcloud.api.testing.KeycloakClients;
import io.tidbcloud.testsupport.KeycloakAdmin.SigningKey;
import io.tidbcloud.testsupport.TestClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keycloak rotates the realm's signing key while the API runs: the API learns the new key from the
 * realm's JWKS and accepts the tokens it signs, keeps accepting tokens of the old key (still in the
 * JWKS), and refuses tokens signed by any key not in the JWKS, whatever key id they name.
 *
 * <p>The rotation adds a higher-priority RS256 key to realm {@code tidbcloud} of the shared test
 * Keycloak and keeps the old one, so other test classes' tokens still verify; the key is removed
 * after the class. The first test sends a forged token with an unknown key id just before the
 * rotation, as an attacker (or a client holding another realm's token) may: quarkus-oidc refetches
 * the JWKS for an unknown key id at most once per {@code forced-jwk-refresh-interval}, so with its
 * default (10 minutes) that token would make the API refuse the realm's genuine new key for 10
 * minutes.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SigningKeyRotationApiTest {

    /**
     * How long the API may refuse a genuine token of a brand-new key after an unknown-key-id token:
     * the configured {@code quarkus.oidc.token.forced-jwk-refresh-interval} (see README) plus room for
     * a busy machine. Far below the 10 minutes of quarkus-oidc's default.
     */
    private static final Duration NEW_KEY_ACCEPTED_WITHIN = Duration.ofSeconds(15);

    @RegisterExtension
    static final KeycloakClients keycloak = new KeycloakClients();

    private static TestClient reader;
    private static Rotation rotation;

    /** What the rotation left: a token signed by the old key before it, and the new key. */
    private record Rotation(String tokenOfOldKey, String oldKid, SigningKey newKey) {}

    @BeforeAll
    static void createClients() {
        reader = keycloak.create("keys-reader", "project:read");
    }

    @AfterAll
    static void restoreRealmKeys() {
        if (rotation != null) {
            keycloak.admin().removeSigningKey(rotation.newKey());
            rotation = null;
        }
    }

    @Test
    @Order(1)
    void aTokenOfTheRealmsNewKeyIsAcceptedEvenWhenAForgedUnknownKeyIdCameJustBefore() throws Exception {
        String genuine = reader.token("project:read");
        assertAccepted(genuine);
        assertRefusedAsInvalidToken(forge(genuine, "unknown-" + UUID.randomUUID()));

        Rotation rotated = rotate();
        String ofNewKey = reader.token("project:read");
        assertEquals(rotated.newKey().kid(), kidOf(ofNewKey), "Keycloak should sign new tokens with the added key");

        long deadline = System.nanoTime() + NEW_KEY_ACCEPTED_WITHIN.toNanos();
        Response answer;
        do {
            answer = given().auth().oauth2(ofNewKey).get("/v1beta1/projects");
            if (answer.statusCode() == 200) {
                break;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        assertEquals(
                200,
                answer.statusCode(),
                "a token of the realm's new key is still refused " + NEW_KEY_ACCEPTED_WITHIN + " after the rotation: "
                        + answer.asString());
    }

    @Test
    @Order(2)
    void aTokenOfTheOldKeyIsStillAcceptedAfterTheRotation() {
        Rotation rotated = rotate();
        assertEquals(rotated.oldKid(), kidOf(rotated.tokenOfOldKey()));
        assertAccepted(rotated.tokenOfOldKey());
    }

    @Test
    @Order(3)
    void aForgedTokenWithAnUnknownKeyIdIsRefusedAfterTheRotation() throws Exception {
        rotate();
        String genuine = reader.token("project:read");
        assertAccepted(genuine);
        assertRefusedAsInvalidToken(forge(genuine, "unknown-" + UUID.randomUUID()));
        assertAccepted(genuine);
    }

    @Test
    @Order(4)
    void aForgedTokenNamingTheNewKeyButSignedByAnotherIsRefused() throws Exception {
        Rotation rotated = rotate();
        String genuine = reader.token("project:read");
        assertAccepted(genuine);
        assertRefusedAsInvalidToken(forge(genuine, rotated.newKey().kid()));
        assertRefusedAsInvalidToken(forge(genuine, rotated.oldKid()));
        assertAccepted(genuine);
    }

    /** Rotates the realm's key once for the class; later calls answer the same rotation. */
    private static synchronized Rotation rotate() {
        if (rotation == null) {
            String before = reader.token("project:read");
            SigningKey added = keycloak.admin().addSigningKey("rotation");
            assertNotEquals(added.kid(), kidOf(before));
            rotation = new Rotation(before, kidOf(before), added);
        }
        return rotation;
    }

    private static void assertAccepted(String token) {
        given().auth().oauth2(token).get("/v1beta1/projects").then().statusCode(200);
    }

    private static void assertRefusedAsInvalidToken(String token) {
        given().auth()
                .oauth2(token)
                .get("/v1beta1/projects")
                .then()
                .spec(unauthorizedAsInvalidToken())
                .header("WWW-Authenticate", startsWith("Bearer "))
                .contentType("application/json")
                .body("message", startsWith("Invalid access token"))
                .body("details", empty());
    }

    /**
     * The genuine token's claims (issuer, audience, scope, expiry all right) under a header naming
     * {@code kid}, signed RS256 by a key of our own that the realm has never seen.
     */
    private static String forge(String genuine, String kid) throws GeneralSecurityException {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", kid);
        String signingInput = base64Url(json(header)) + "." + genuine.split("\\.")[1];
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair attackersKey = generator.generateKeyPair();
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(attackersKey.getPrivate());
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    }

    private static String kidOf(String jwt) {
        try {
            String header = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8);
            return new ObjectMapper().readTree(header).path("kid").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] json(Object value) {
        try {
            return new ObjectMapper().writeValueAsBytes(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
