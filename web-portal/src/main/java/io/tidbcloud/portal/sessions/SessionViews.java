package io.tidbcloud.portal.sessions;

import io.quarkus.qute.TemplateExtension;
import io.tidbcloud.contract.portal.AuthorizedSession;
import io.tidbcloud.contract.portal.PersonSession;
import io.tidbcloud.contract.portal.SessionClient;
import io.tidbcloud.contract.portal.SessionKind;

/**
 * How the pages show sessions, on the sessions page and in an authorized application's list:
 * {@code {s.kindLabel}}, {@code {c.displayName}}.
 */
public final class SessionViews {

    private SessionViews() {}

    @TemplateExtension
    static String kindLabel(PersonSession session) {
        return label(session.kind());
    }

    @TemplateExtension
    static String kindLabel(AuthorizedSession session) {
        return label(session.kind());
    }

    /** The application's name; its client id when it has none. */
    @TemplateExtension
    static String displayName(SessionClient client) {
        String name = client.name();
        return name == null || name.isBlank() ? client.clientId() : name;
    }

    /** "Browser" or "Device"; a kind this portal does not know (read as null) shows as a browser. */
    private static String label(SessionKind kind) {
        return kind == SessionKind.DEVICE ? "Device" : "Browser";
    }
}
