package io.tidbcloud.auth.authorizations;

import io.tidbcloud.auth.keycloak.RealmAdmin;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a person's consents ({@code GET /admin/realms/tidbcloud/users/{id}/consents}). Keycloak
 * answers loose maps: {@code clientId}, {@code grantedClientScopes}, {@code createdDate},
 * {@code lastUpdatedDate} (epoch millis) and {@code additionalGrants} ({@code [{"key": "Offline Token"}]}
 * for a client that holds an offline token, also without a stored consent).
 */
@ApplicationScoped
public class Consents {

    static final String OFFLINE_ACCESS = "offline_access";
    private static final String OFFLINE_TOKEN_GRANT = "Offline Token";

    private final RealmAdmin admin;

    Consents(RealmAdmin admin) {
        this.admin = admin;
    }

    public List<Consent> of(String personId) {
        List<Map<String, Object>> listed = admin.call(
                        "list consents", realm -> realm.users().get(personId).getConsents())
                .orElse(List.of());
        List<Consent> consents = new ArrayList<>();
        for (Map<String, Object> consent : listed) {
            Object clientId = consent.get("clientId");
            if (clientId == null) {
                continue;
            }
            List<String> scopes = strings(consent.get("grantedClientScopes"));
            boolean offline = scopes.contains(OFFLINE_ACCESS) || hasOfflineToken(consent.get("additionalGrants"));
            consents.add(new Consent(
                    clientId.toString(),
                    scopes,
                    instant(consent.get("createdDate")),
                    instant(consent.get("lastUpdatedDate")),
                    offline));
        }
        return consents;
    }

    private static boolean hasOfflineToken(Object grants) {
        if (!(grants instanceof List<?> list)) {
            return false;
        }
        return list.stream()
                .anyMatch(grant -> grant instanceof Map<?, ?> map && OFFLINE_TOKEN_GRANT.equals(map.get("key")));
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(item -> item != null).map(Object::toString).toList();
    }

    private static Instant instant(Object millis) {
        if (!(millis instanceof Number number) || number.longValue() <= 0) {
            return null;
        }
        return Instant.ofEpochMilli(number.longValue()).truncatedTo(ChronoUnit.SECONDS);
    }
}
