package io.tidbcloud.contract.portal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** Where a session lives; JSON {@code "browser"} or {@code "device"}. */
public enum SessionKind {
    /** A browser's session: signed in to the portal or to a web application. */
    BROWSER("browser"),
    /** A device's: every application holding its tokens got them through the device authorization grant. */
    DEVICE("device");

    private final String value;

    SessionKind(String value) {
        this.value = value;
    }

    /** The kind as the JSON names it. */
    @JsonValue
    public String value() {
        return value;
    }

    /** The kind of that JSON value; empty for any other. */
    public static Optional<SessionKind> fromValue(String value) {
        for (SessionKind kind : values()) {
            if (kind.value.equals(value)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** What a reader makes of a {@code kind}: null for a value it does not know. */
    @JsonCreator
    public static SessionKind ofValue(String value) {
        return fromValue(value).orElse(null);
    }
}
