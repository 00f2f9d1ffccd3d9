package io.tidbcloud.testsupport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A PKCE pair (RFC 7636) for one authorization request of a test client: the verifier the token
 * request sends, and its S256 challenge the authorization request sends.
 *
 * @param verifier 43 characters of base64url, from 32 random bytes (RFC 7636 section 4.1)
 * @param challenge {@code BASE64URL(SHA256(ASCII(verifier)))}, no padding (section 4.2)
 */
public record Pkce(String verifier, String challenge) {

    public static final String METHOD = "S256";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh pair. */
    public static Pkce create() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The pair of a given verifier. */
    public static Pkce of(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The authorization request's part: {@code &code_challenge=...&code_challenge_method=S256}. */
    public String authorizationParameters() {
        return "&code_challenge=" + challenge + "&code_challenge_method=" + METHOD;
    }

    /** The token request's part: {@code &code_verifier=...}. */
    public String tokenParameters() {
        return "&code_verifier=" + URLEncoder.encode(verifier, StandardCharsets.UTF_8);
    }
}
