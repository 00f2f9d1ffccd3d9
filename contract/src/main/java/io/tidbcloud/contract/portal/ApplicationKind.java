package io.tidbcloud.contract.portal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** What kind of OAuth client a registered application is; JSON {@code "web"} or {@code "device"}. */
public enum ApplicationKind {
    /** A web application: a confidential client, authorization code with PKCE S256, exact redirect URIs. */
    WEB("web"),
    /** A command-line tool or device: a public client, device authorization grant (RFC 8628), no redirects. */
    DEVICE("device");

    private final String value;

    ApplicationKind(String value) {
        this.value = value;
    }

    /** The kind as the JSON names it. */
    @JsonValue
    public String value() {
        return value;
    }

    /** The kind of that JSON value; empty for any other, {@code "Web"} included. */
    public static Optional<ApplicationKind> fromValue(String value) {
        for (ApplicationKind kind : values()) {
            if (kind.value.equals(value)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /**
     * What a reader makes of a {@code kind}: null for a value it does not know, so that auth-service
     * answers an unknown kind in a registration with its own message rather than a parse error.
     */
    @JsonCreator
    public static ApplicationKind ofValue(String value) {
        return fromValue(value).orElse(null);
    }
}
