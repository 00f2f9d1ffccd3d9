package io.tidbcloud.auth.apps;

import java.util.Optional;

/** What kind of OAuth client an application is. */
public enum AppKind {
    /** A web application: confidential, authorization code with PKCE S256, exact redirect URIs. */
    WEB("web"),
    /** A device or command-line tool: public, device authorization grant (RFC 8628), no redirects. */
    DEVICE("device");

    private final String value;

    AppKind(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<AppKind> fromValue(String value) {
        for (AppKind kind : values()) {
            if (kind.value.equals(value)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
