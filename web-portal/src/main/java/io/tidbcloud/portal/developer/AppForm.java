package io.tidbcloud.portal.developer;

import io.tidbcloud.contract.portal.ApplicationKind;
import io.tidbcloud.contract.portal.ApplicationRegistration;
import io.tidbcloud.contract.scope.ApiScope;
import java.util.Arrays;
import java.util.List;

/**
 * The registration form as the person filled it in, so that a refused registration shows it again
 * with the message; and its translation into auth-service's registration body (a kind the
 * contract does not know goes as none, which auth-service refuses with its message).
 *
 * @param redirectUris one URI a line, as typed
 */
public record AppForm(String name, String kind, String redirectUris, List<String> scopes, String homepage) {

    /** The empty form: a web app asking to read projects and clusters. */
    public static AppForm blank() {
        return new AppForm(
                "",
                ApplicationKind.WEB.value(),
                "",
                List.of(ApiScope.PROJECT_READ.value(), ApiScope.CLUSTER_READ.value()),
                "");
    }

    public AppForm {
        name = name == null ? "" : name;
        kind = kind == null ? "" : kind;
        redirectUris = redirectUris == null ? "" : redirectUris;
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        homepage = homepage == null ? "" : homepage;
    }

    public boolean kindIs(String value) {
        return kind.equals(value);
    }

    public boolean asks(ApiScope scope) {
        return scopes.contains(scope.value());
    }

    ApplicationRegistration registration() {
        List<String> uris = Arrays.stream(redirectUris.split("\\R"))
                .map(String::strip)
                .filter(uri -> !uri.isEmpty())
                .toList();
        return new ApplicationRegistration(
                name.strip(),
                ApplicationKind.ofValue(kind),
                uris,
                scopes,
                homepage.isBlank() ? null : homepage.strip());
    }
}
