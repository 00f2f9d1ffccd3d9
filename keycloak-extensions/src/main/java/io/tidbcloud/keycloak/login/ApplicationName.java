package io.tidbcloud.keycloak.login;

import org.keycloak.models.ClientModel;

/** How our pages name an application: its display name, or its client id when it has none. */
public final class ApplicationName {

    private ApplicationName() {}

    public static String of(ClientModel client) {
        String name = client.getName();
        return name == null || name.isBlank() ? client.getClientId() : name;
    }
}
