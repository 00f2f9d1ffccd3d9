package io.tidbcloud.keycloak.events;

import io.tidbcloud.contract.revocation.InitiatingEntity;
import io.tidbcloud.contract.revocation.RevocationEvent;
import io.tidbcloud.contract.revocation.SubjectId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;
import org.keycloak.urls.UrlType;

/**
 * Turns Keycloak's events into revocations, or into nothing for the events that revoke nothing.
 * Which event each action emits, and what it carries, is measured in KEYCLOAK-NOTES.md ("Events seen"):
 * admin actions arrive only as admin events, named by their resource path.
 */
final class RevocationEvents {

    /** Client attribute that overrides the realm's access token lifespan (seconds). */
    private static final String CLIENT_ACCESS_TOKEN_LIFESPAN = "access.token.lifespan";

    private final KeycloakSession session;
    private final long leewayMillis;

    RevocationEvents(KeycloakSession session, long leewayMillis) {
        this.session = session;
        this.leewayMillis = leewayMillis;
    }

    Optional<RevocationEvent> from(Event event) {
        EventType type = event.getType();
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        RealmModel realm = realm(event.getRealmId());
        if (realm == null) {
            return Optional.empty();
        }
        return switch (type) {
            case LOGOUT ->
                event.getSessionId() == null
                        ? Optional.empty()
                        : Optional.of(revocation(
                                realm,
                                user(realm, event.getUserId(), event.getSessionId(), null),
                                InitiatingEntity.USER,
                                type.name(),
                                null));
            case REVOKE_GRANT -> revokeGrant(realm, event, details);
            case DELETE_ACCOUNT ->
                Optional.of(revocation(
                        realm, user(realm, event.getUserId(), null, null), InitiatingEntity.USER, type.name(), null));
            case USER_DISABLED_BY_PERMANENT_LOCKOUT ->
                Optional.of(revocation(
                        realm, user(realm, event.getUserId(), null, null), InitiatingEntity.POLICY, type.name(), null));
            default -> Optional.empty();
        };
    }

    /**
     * REVOKE_GRANT has three shapes: RFC 7009 of an access token (token_id, no session), RFC 7009 of a
     * refresh token (session, refresh_token_id, revoked_client) and the account API's consent
     * revocation (revoked_client, no session).
     */
    private Optional<RevocationEvent> revokeGrant(RealmModel realm, Event event, Map<String, String> details) {
        String revokedClient = details.getOrDefault(Details.REVOKED_CLIENT, event.getClientId());
        String tokenId = details.get(Details.TOKEN_ID);
        if (tokenId != null && details.get(Details.REFRESH_TOKEN_ID) == null && event.getSessionId() == null) {
            return Optional.of(revocation(
                    realm,
                    SubjectId.jwtId(issuer(realm), tokenId),
                    InitiatingEntity.USER,
                    "REVOKE_ACCESS_TOKEN",
                    null));
        }
        if (event.getSessionId() != null) {
            return Optional.of(revocation(
                    realm,
                    user(realm, event.getUserId(), event.getSessionId(), revokedClient),
                    InitiatingEntity.USER,
                    "REVOKE_REFRESH_TOKEN",
                    revokedClient));
        }
        if (event.getUserId() != null && revokedClient != null) {
            return Optional.of(revocation(
                    realm,
                    user(realm, event.getUserId(), null, revokedClient),
                    InitiatingEntity.USER,
                    "REVOKE_CONSENT",
                    revokedClient));
        }
        return Optional.empty();
    }

    Optional<RevocationEvent> from(AdminEvent event) {
        RealmModel realm = realm(event.getRealmId());
        String path = event.getResourcePath();
        if (realm == null || path == null) {
            return Optional.empty();
        }
        String[] parts = path.split("/");
        OperationType operation = event.getOperationType();
        if (parts.length == 2 && parts[0].equals("sessions") && operation == OperationType.DELETE) {
            UserSessionOwner owner = sessionOwner(realm, parts[1]);
            return Optional.of(revocation(
                    realm,
                    user(realm, owner.userId(), parts[1], null),
                    InitiatingEntity.ADMIN,
                    "ADMIN_SESSION_DELETE",
                    null));
        }
        if (parts.length < 2 || !parts[0].equals("users")) {
            return Optional.empty();
        }
        String userId = parts[1];
        if (parts.length == 2 && operation == OperationType.DELETE) {
            return Optional.of(revocation(
                    realm, user(realm, userId, null, null), InitiatingEntity.ADMIN, "ADMIN_USER_DELETE", null));
        }
        if (parts.length == 2 && operation == OperationType.UPDATE) {
            // The representation comes only with admin event details on: read the user instead,
            // as this transaction sees it (the update is applied, not yet committed).
            UserModel user = session.users().getUserById(realm, userId);
            if (user == null || !user.isEnabled()) {
                return Optional.of(revocation(
                        realm, user(realm, userId, null, null), InitiatingEntity.ADMIN, "ADMIN_USER_DISABLE", null));
            }
            return Optional.empty();
        }
        if (parts.length == 3 && parts[2].equals("logout") && operation == OperationType.ACTION) {
            return Optional.of(revocation(
                    realm, user(realm, userId, null, null), InitiatingEntity.ADMIN, "ADMIN_USER_LOGOUT", null));
        }
        // Keycloak 26.7.3 reports the admin API's consent deletion as an ACTION (UserResource.revokeConsent)
        if (parts.length == 4
                && parts[2].equals("consents")
                && (operation == OperationType.ACTION || operation == OperationType.DELETE)) {
            String clientId = parts[3];
            return Optional.of(revocation(
                    realm,
                    user(realm, userId, null, clientId),
                    InitiatingEntity.ADMIN,
                    "ADMIN_CONSENT_DELETE",
                    clientId));
        }
        return Optional.empty();
    }

    private record UserSessionOwner(String userId) {}

    /** The deleted session's user, when Keycloak still knows it in this transaction. */
    private UserSessionOwner sessionOwner(RealmModel realm, String sessionId) {
        try {
            var userSession = session.sessions().getUserSession(realm, sessionId);
            return new UserSessionOwner(
                    userSession == null || userSession.getUser() == null
                            ? null
                            : userSession.getUser().getId());
        } catch (RuntimeException lookupFailed) {
            return new UserSessionOwner(null);
        }
    }

    /**
     * A revocation made now, of the tokens the subject names.
     *
     * @param lifespanClient the client whose own access-token lifespan may be longer than the realm's,
     *     or null to consider every client's
     */
    private RevocationEvent revocation(
            RealmModel realm,
            SubjectId subject,
            InitiatingEntity initiatingEntity,
            String reason,
            String lifespanClient) {
        long now = System.currentTimeMillis();
        long lifespanSeconds = longestAccessTokenLifespan(realm, lifespanClient);
        long maxTokenExpMillis = now + lifespanSeconds * 1000 + leewayMillis;
        return RevocationEvent.of(
                UUID.randomUUID().toString(),
                issuer(realm),
                subject,
                Math.floorDiv(now, 1000),
                Math.floorDiv(maxTokenExpMillis + 999, 1000),
                initiatingEntity,
                reason);
    }

    /** The tokens of a user, narrowed to a session and/or a client when given; parts may be null. */
    private SubjectId user(RealmModel realm, String userId, String sessionId, String clientId) {
        return SubjectId.complex(issuer(realm), userId, sessionId, clientId);
    }

    /** The realm's issuer URL, as the {@code iss} of its tokens (the frontend URL, also for admin requests). */
    private String issuer(RealmModel realm) {
        return Urls.realmIssuer(session.getContext().getUri(UrlType.FRONTEND).getBaseUri(), realm.getName());
    }

    /**
     * The longest an access token covered by the revocation can live: the realm's lifespans, or the
     * named client's own override when it has a longer one.
     */
    private long longestAccessTokenLifespan(RealmModel realm, String clientId) {
        long lifespan = Math.max(realm.getAccessTokenLifespan(), realm.getAccessTokenLifespanForImplicitFlow());
        if (clientId != null) {
            ClientModel client = realm.getClientByClientId(clientId);
            String override = client == null ? null : client.getAttribute(CLIENT_ACCESS_TOKEN_LIFESPAN);
            if (override != null && !override.isBlank()) {
                try {
                    lifespan = Math.max(lifespan, Long.parseLong(override.trim()));
                } catch (NumberFormatException ignored) {
                    // Keycloak itself ignores a non-numeric override; so do we
                }
            }
        } else {
            lifespan = Math.max(
                    lifespan,
                    realm.getClientsStream()
                            .map(client -> client.getAttribute(CLIENT_ACCESS_TOKEN_LIFESPAN))
                            .filter(value -> value != null && value.trim().matches("\\d{1,9}"))
                            .mapToLong(value -> Long.parseLong(value.trim()))
                            .max()
                            .orElse(0));
        }
        return lifespan;
    }

    private RealmModel realm(String realmId) {
        return realmId == null ? null : session.realms().getRealm(realmId);
    }
}
