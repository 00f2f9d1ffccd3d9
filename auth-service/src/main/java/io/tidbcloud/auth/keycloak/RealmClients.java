package io.tidbcloud.auth.keycloak;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.representations.idm.ClientRepresentation;

/**
 * The realm's clients as one request needs them (name, kind, homepage), each read once from the
 * admin API. Not shared across requests: a name or a deletion shows at the next request.
 */
public final class RealmClients {

    /** Keycloak's client attribute that turns on the device authorization grant (RFC 8628). */
    public static final String DEVICE_GRANT_ATTRIBUTE = "oauth2.device.authorization.grant.enabled";

    /** Keycloak's client attribute that overrides the realm's access-token lifespan, in seconds. */
    public static final String ACCESS_TOKEN_LIFESPAN_ATTRIBUTE = "access.token.lifespan";

    private final RealmAdmin admin;
    private final Map<String, Optional<ClientRepresentation>> byClientId = new HashMap<>();

    public RealmClients(RealmAdmin admin) {
        this.admin = admin;
    }

    public Optional<ClientRepresentation> find(String clientId) {
        return byClientId.computeIfAbsent(
                clientId,
                id -> admin.call("find client " + id, realm -> realm.clients().findByClientId(id))
                        .flatMap(found -> found.stream()
                                .filter(client -> id.equals(client.getClientId()))
                                .findFirst()));
    }

    /** The client's display name: its name in Keycloak, else its client id. */
    public String name(String clientId) {
        return find(clientId)
                .map(ClientRepresentation::getName)
                .filter(name -> !name.isBlank())
                .orElse(clientId);
    }

    /** A device-grant client: the device grant on and no browser redirect flow (ticloud, device apps). */
    public boolean isDeviceClient(String clientId) {
        return find(clientId)
                .map(client -> "true".equals(attribute(client, DEVICE_GRANT_ATTRIBUTE))
                        && !Boolean.TRUE.equals(client.isStandardFlowEnabled()))
                .orElse(false);
    }

    /** The client's homepage ({@code baseUrl}), when it is an absolute URL. */
    public String homepage(String clientId) {
        return find(clientId)
                .map(ClientRepresentation::getBaseUrl)
                .filter(url -> url.startsWith("https://") || url.startsWith("http://"))
                .orElse(null);
    }

    /** The client's own access-token lifespan, when it overrides the realm's. */
    public static Optional<Duration> accessTokenLifespan(ClientRepresentation client) {
        String seconds = attribute(client, ACCESS_TOKEN_LIFESPAN_ATTRIBUTE);
        if (seconds == null || !seconds.trim().matches("\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(seconds.trim())));
    }

    static String attribute(ClientRepresentation client, String name) {
        return client.getAttributes() == null ? null : client.getAttributes().get(name);
    }

    /** Keycloak lists a client's internal id (uuid) to client id; answers the client ids. */
    public static List<String> clientIds(Map<String, String> sessionClients) {
        return sessionClients == null ? List.of() : List.copyOf(sessionClients.values());
    }
}
