package io.tidbcloud.cli.auth;

/**
 * An OAuth 2.0 error response (RFC 6749 section 5.2) that the protocol step
 * cannot handle itself, or a response that is not OAuth at all.
 */
public class OAuthProtocolException extends Exception {

    private final String error;
    private final String description;
    private final int httpStatus;

    public OAuthProtocolException(String error, String description, int httpStatus) {
        super(error + (description == null ? "" : ": " + description), null, false, false);
        this.error = error;
        this.description = description;
        this.httpStatus = httpStatus;
    }

    public String error() {
        return error;
    }

    public String description() {
        return description;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** "invalid_scope (Invalid scopes: foo)" */
    public String describe() {
        return description == null || description.isBlank() ? error : error + " (" + description + ")";
    }
}
