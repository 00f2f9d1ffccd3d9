package io.tidbcloud.auth.sessions;

import io.tidbcloud.auth.authorizations.Consent;
import io.tidbcloud.auth.authorizations.Consents;
import io.tidbcloud.auth.keycloak.RealmAdmin;
import io.tidbcloud.auth.keycloak.RealmClients;
import io.tidbcloud.auth.portal.Person;
import io.tidbcloud.contract.portal.PersonSession;
import io.tidbcloud.contract.portal.SessionClient;
import io.tidbcloud.contract.portal.SessionKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.representations.idm.UserSessionRepresentation;

/** A person's sessions: listing them, and ending one of their own. */
@ApplicationScoped
public class SessionService {

    private final RealmAdmin admin;
    private final Consents consents;

    SessionService(RealmAdmin admin, Consents consents) {
        this.admin = admin;
        this.consents = consents;
    }

    public List<PersonSession> list(Person person) {
        RealmClients clients = new RealmClients(admin);
        return sessionsOf(person.id(), consents.of(person.id()), clients).stream()
                .sorted(Comparator.comparing(UserSession::lastActive, Comparator.nullsLast(Comparator.reverseOrder())))
                .map(session -> new PersonSession(
                        session.id(),
                        kind(session, clients),
                        session.address(),
                        session.started(),
                        session.lastActive(),
                        session.id().equals(person.sessionId()),
                        session.offline(),
                        session.clientIds().stream()
                                .map(clientId -> new SessionClient(clientId, clients.name(clientId)))
                                .toList()))
                .toList();
    }

    /** Ends the person's session {@code id}, online and offline copies; false when it is not theirs. */
    public boolean end(Person person, String id) {
        RealmClients clients = new RealmClients(admin);
        Optional<UserSession> session = sessionsOf(person.id(), consents.of(person.id()), clients).stream()
                .filter(candidate -> candidate.id().equals(id))
                .findFirst();
        if (session.isEmpty()) {
            return false;
        }
        // Keycloak's listener reports each deletion (admin event DELETE sessions/<id>) as a revocation
        // of every token of the session.
        if (session.get().online()) {
            admin.run("end session", realm -> realm.deleteSession(id, false));
        }
        if (session.get().offlineCopy()) {
            admin.run("end offline session", realm -> realm.deleteSession(id, true));
        }
        return true;
    }

    /** A device when every client of the session is a device-grant client, else a browser. */
    public static SessionKind kind(UserSession session, RealmClients clients) {
        return !session.clientIds().isEmpty() && session.clientIds().stream().allMatch(clients::isDeviceClient)
                ? SessionKind.DEVICE
                : SessionKind.BROWSER;
    }

    /**
     * The person's online sessions and the offline sessions of every client holding an offline token
     * of theirs (Keycloak lists offline sessions per client), merged by id.
     */
    public List<UserSession> sessionsOf(String personId, List<Consent> grants, RealmClients clients) {
        Map<String, UserSession> byId = new LinkedHashMap<>();
        for (UserSessionRepresentation online : admin.call(
                        "list sessions", realm -> realm.users().get(personId).getUserSessions())
                .orElse(List.of())) {
            merge(byId, online, true);
        }
        for (Consent grant : grants) {
            if (!grant.offlineToken()) {
                continue;
            }
            Optional<String> uuid = clients.find(grant.clientId()).map(client -> client.getId());
            if (uuid.isEmpty()) {
                continue;
            }
            for (UserSessionRepresentation offline : admin.call(
                            "list offline sessions",
                            realm -> realm.users().get(personId).getOfflineSessions(uuid.get()))
                    .orElse(List.of())) {
                merge(byId, offline, false);
            }
        }
        return new ArrayList<>(byId.values());
    }

    private static void merge(Map<String, UserSession> byId, UserSessionRepresentation found, boolean online) {
        UserSession seen = byId.get(found.getId());
        LinkedHashSet<String> clientIds = new LinkedHashSet<>();
        if (seen != null) {
            clientIds.addAll(seen.clientIds());
        }
        clientIds.addAll(RealmClients.clientIds(found.getClients()));
        Instant started = instant(found.getStart());
        Instant lastActive = instant(found.getLastAccess());
        if (seen != null) {
            started = min(seen.started(), started);
            lastActive = max(seen.lastActive(), lastActive);
        }
        byId.put(
                found.getId(),
                new UserSession(
                        found.getId(),
                        seen != null && seen.address() != null ? seen.address() : found.getIpAddress(),
                        started,
                        lastActive,
                        List.copyOf(clientIds),
                        online || (seen != null && seen.online()),
                        !online || (seen != null && seen.offlineCopy())));
    }

    private static Instant instant(long millis) {
        return millis <= 0 ? null : Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.SECONDS);
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
