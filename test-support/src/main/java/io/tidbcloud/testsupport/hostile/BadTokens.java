package io.tidbcloud.testsupport.hostile;

import static io.tidbcloud.testsupport.hostile.BadToken.Expected.ACCEPTED;
import static io.tidbcloud.testsupport.hostile.BadToken.Expected.BARE_CHALLENGE;
import static io.tidbcloud.testsupport.hostile.BadToken.Expected.CLEAR_CLIENT_ERROR;
import static io.tidbcloud.testsupport.hostile.BadToken.Expected.INVALID_TOKEN;
import static io.tidbcloud.testsupport.hostile.BadToken.Expected.REFUSED;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidbcloud.testsupport.KeycloakAdmin;
import io.tidbcloud.testsupport.TokenForge;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The bad tokens, built for one service from real material of the test Keycloak: a token
 * the service accepts, a signing key the realm publishes and the test holds (so that a forged
 * token's one defect is the one under test), the realm's public key (for the HS256 confusion), a
 * token of another realm, and a real refresh token and ID token.
 *
 * <p>The lowercase scheme: RFC 7235 section 2.1 makes the auth-scheme case-insensitive, and RFC 6750
 * section 2.1 names it in that grammar, so {@code bearer <valid token>} must be accepted and
 * {@code bearer <bad token>} refused as {@code invalid_token}, like {@code Bearer}.
 */
public final class BadTokens {

    /** What the cases are made of. */
    public record Material(
            String valid,
            KeycloakAdmin.HeldSigningKey heldKey,
            Map.Entry<String, String> realmPublicKey,
            String foreignRealmToken,
            String refreshToken,
            String idToken) {}

    private BadTokens() {}

    /**
     * Every case, with {@code audienceDefect} the answer to a token whose only defect is its
     * audience (cloud-api: 401 invalid_token; auth-service: 403, as every token not the portal's).
     */
    public static List<BadToken> of(Material material, BadToken.Expected audienceDefect) {
        TokenForge forge = TokenForge.from(material.valid());
        long now = System.currentTimeMillis() / 1000;
        List<BadToken> cases = new ArrayList<>();
        cases.add(new BadToken("no Authorization header", request -> request, BARE_CHALLENGE));
        cases.add(new BadToken(
                "another scheme (Basic)",
                request -> request.header("Authorization", "Basic dXNlcjpwYXNz"),
                BARE_CHALLENGE));
        cases.add(bearer("empty token", "", INVALID_TOKEN));
        cases.add(bearer("garbage", "not-a-jwt", INVALID_TOKEN));
        cases.add(bearer("three garbage parts", "e30.e30.e30", INVALID_TOKEN));
        cases.add(bearer("alg none", forge.unsecured(), INVALID_TOKEN));
        cases.add(bearer(
                "HS256 signed with the realm's public key",
                forge.hs256(
                        material.realmPublicKey().getValue().getBytes(StandardCharsets.US_ASCII),
                        material.realmPublicKey().getKey()),
                INVALID_TOKEN));
        cases.add(bearer("bad signature", forge.withBadSignature(), INVALID_TOKEN));
        cases.add(bearer("forged by a held realm key, no defect (control)", signed(material, c -> {}), ACCEPTED));
        cases.add(bearer(
                "expired",
                signed(material, c -> {
                    c.put("iat", now - 900);
                    c.put("exp", now - 600);
                }),
                INVALID_TOKEN));
        cases.add(bearer(
                "not yet valid (nbf in the future)", signed(material, c -> c.put("nbf", now + 600)), INVALID_TOKEN));
        cases.add(bearer(
                "issued in the future (iat)",
                signed(material, c -> {
                    c.put("iat", now + 600);
                    c.put("exp", now + 900);
                }),
                INVALID_TOKEN));
        cases.add(bearer(
                "wrong issuer (another realm's URL)",
                signed(
                        material,
                        c -> c.put("iss", c.path("iss").asText().replaceAll("/realms/[^/]+$", "/realms/google-dev"))),
                INVALID_TOKEN));
        cases.add(bearer("a token of another realm", material.foreignRealmToken(), INVALID_TOKEN));
        cases.add(bearer("wrong audience", signed(material, c -> c.put("aud", "account")), audienceDefect));
        cases.add(bearer("no audience", signed(material, c -> c.remove("aud")), audienceDefect));
        cases.add(bearer("typ ID (an ID token's claims)", signed(material, c -> c.put("typ", "ID")), INVALID_TOKEN));
        cases.add(bearer("typ Refresh", signed(material, c -> c.put("typ", "Refresh")), INVALID_TOKEN));
        cases.add(bearer("a real refresh token", material.refreshToken(), INVALID_TOKEN));
        cases.add(bearer("a real ID token", material.idToken(), INVALID_TOKEN));
        cases.add(new BadToken(
                "lowercase bearer, valid token",
                request -> request.header("Authorization", "bearer " + material.valid()),
                ACCEPTED));
        cases.add(new BadToken(
                "uppercase BEARER, valid token",
                request -> request.header("Authorization", "BEARER " + material.valid()),
                ACCEPTED));
        cases.add(new BadToken(
                "lowercase bearer, garbage token",
                request -> request.header("Authorization", "bearer not-a-jwt"),
                INVALID_TOKEN));
        cases.add(new BadToken(
                "two Authorization headers, both valid",
                request -> request.bearer(material.valid()).bearer(material.valid()),
                REFUSED));
        cases.add(new BadToken(
                "two Authorization headers, valid then garbage",
                request -> request.bearer(material.valid()).bearer("not-a-jwt"),
                REFUSED));
        cases.add(new BadToken(
                "two Authorization headers, garbage then valid",
                request -> request.bearer("not-a-jwt").bearer(material.valid()),
                REFUSED));
        cases.add(new BadToken(
                "a 64 KB Authorization header", request -> request.bearer("a".repeat(64 * 1024)), CLEAR_CLIENT_ERROR));
        return List.copyOf(cases);
    }

    private static BadToken bearer(String name, String token, BadToken.Expected expected) {
        return new BadToken(name, request -> request.bearer(token), expected);
    }

    private static String signed(Material material, Consumer<ObjectNode> change) {
        return TokenForge.from(material.valid()).signedBy(material.heldKey(), change);
    }
}
