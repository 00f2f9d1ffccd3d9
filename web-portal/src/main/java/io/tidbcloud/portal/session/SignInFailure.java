package io.tidbcloud.portal.session;

/**
 * What the portal tells a person whose sign-in came back with an OAuth 2.0 error
 * (RFC 6749 section 4.1.2.1). Only known codes are echoed; the free-text description
 * from the authorization server is never shown, since anyone can craft that URL.
 */
public record SignInFailure(String code, String message) {

    public static SignInFailure of(String error) {
        if (error == null || error.isBlank()) {
            return new SignInFailure(null, "Sign-in did not complete.");
        }
        return switch (error) {
            case "access_denied" -> new SignInFailure(error, "Sign-in was cancelled.");
            case "login_required", "interaction_required", "consent_required" ->
                new SignInFailure(error, "Keycloak needs you to sign in again.");
            case "temporarily_unavailable", "server_error" ->
                new SignInFailure(error, "The sign-in service is unavailable. Try again in a moment.");
            default -> new SignInFailure("unknown_error", "Sign-in failed.");
        };
    }
}
