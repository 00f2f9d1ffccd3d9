package io.tidbcloud.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Rewrites a genuine Keycloak token into a hostile one: the genuine token's header and claims,
 * changed by the test (one defect each: an expiry in the past, another issuer, a {@code typ} of
 * {@code ID}...), then signed RS256 by a key the realm publishes ({@link KeycloakAdmin#addHeldSigningKey}),
 * so that the defect under test is the only one; or signed with {@code alg: none}, or HS256 with
 * a secret the attacker chose (the realm's public key, the classic algorithm confusion).
 */
public final class TokenForge {

    private final String genuine;

    private TokenForge(String genuine) {
        this.genuine = genuine;
    }

    /** Starts from a genuine token of the realm (its header and claims). */
    public static TokenForge from(String genuine) {
        return new TokenForge(genuine);
    }

    /** The genuine token's claims, changed by {@code change}, signed RS256 by the held key (its kid in the header). */
    public String signedBy(KeycloakAdmin.HeldSigningKey key, Consumer<ObjectNode> change) {
        ObjectNode header = header();
        header.put("alg", "RS256");
        header.put("kid", key.kid());
        String input = encode(header) + "." + encode(claims(change));
        return input + "." + base64(rs256(key.privateKey(), input));
    }

    /** The genuine claims, unchanged, with {@code alg: none} and no signature (RFC 7519 section 6). */
    public String unsecured() {
        ObjectNode header = header();
        header.put("alg", "none");
        header.remove("kid");
        return encode(header) + "." + encode(claims(c -> {})) + ".";
    }

    /** The genuine claims, unchanged, signed HS256 with {@code secret} as the HMAC key, header naming {@code kid}. */
    public String hs256(byte[] secret, String kid) {
        ObjectNode header = header();
        header.put("alg", "HS256");
        if (kid != null) {
            header.put("kid", kid);
        }
        String input = encode(header) + "." + encode(claims(c -> {}));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + base64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The genuine header and claims with the signature's last characters changed: a bad signature. */
    public String withBadSignature() {
        int dot = genuine.lastIndexOf('.');
        String signature = genuine.substring(dot + 1);
        char flipped = signature.charAt(signature.length() / 2) == 'A' ? 'B' : 'A';
        return genuine.substring(0, dot + 1)
                + signature.substring(0, signature.length() / 2)
                + flipped
                + signature.substring(signature.length() / 2 + 1);
    }

    /** The claims of a JWT, decoded without any check. */
    public static JsonNode claimsOf(String jwt) {
        return decode(jwt.split("\\.")[1]);
    }

    /** The header of a JWT, decoded without any check. */
    public static JsonNode headerOf(String jwt) {
        return decode(jwt.split("\\.")[0]);
    }

    private ObjectNode header() {
        return (ObjectNode) headerOf(genuine);
    }

    private ObjectNode claims(Consumer<ObjectNode> change) {
        ObjectNode claims = (ObjectNode) claimsOf(genuine);
        change.accept(claims);
        return claims;
    }

    private static JsonNode decode(String part) {
        try {
            return KeycloakHttp.JSON.readTree(Base64.getUrlDecoder().decode(part));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a JWT part: " + part, e);
        }
    }

    private static byte[] rs256(PrivateKey key, String input) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(JsonNode json) {
        try {
            return base64(KeycloakHttp.JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
