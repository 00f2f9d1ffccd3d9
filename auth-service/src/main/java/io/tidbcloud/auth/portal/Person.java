package io.tidbcloud.auth.portal;

/**
 * The person behind a portal token.
 *
 * @param id the token's {@code sub}, their Keycloak user id
 * @param sessionId the token's {@code sid}, the browser session the portal runs in (may be null)
 * @param issuer the token's {@code iss}, named in the revocations published for them
 */
public record Person(String id, String sessionId, String issuer) {}
