package io.tidbcloud.auth.authorizations;

import io.tidbcloud.auth.keycloak.RealmAdmin;
import io.tidbcloud.auth.keycloak.RealmClients;
import io.tidbcloud.auth.portal.Person;
import io.tidbcloud.auth.revocation.RevocationPublisher;
import io.tidbcloud.auth.sessions.SessionService;
import io.tidbcloud.auth.sessions.UserSession;
import io.tidbcloud.contract.portal.Authorization;
import io.tidbcloud.contract.portal.AuthorizedSession;
import io.tidbcloud.contract.portal.GrantedScope;
import io.tidbcloud.contract.portal.SessionKind;
import io.tidbcloud.contract.scope.ApiScope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.keycloak.representations.idm.ClientRepresentation;

/** The applications a person authorized: listing them, and revoking one. */
@ApplicationScoped
public class AuthorizationService {

    private final RealmAdmin admin;
    private final Consents consents;
    private final SessionService sessions;
    private final RevocationPublisher revocations;

    AuthorizationService(
            RealmAdmin admin, Consents consents, SessionService sessions, RevocationPublisher revocations) {
        this.admin = admin;
        this.consents = consents;
        this.sessions = sessions;
        this.revocations = revocations;
    }

    public List<Authorization> list(Person person) {
        RealmClients clients = new RealmClients(admin);
        List<Consent> grants = consents.of(person.id());
        List<UserSession> all = sessions.sessionsOf(person.id(), grants, clients);
        return grants.stream()
                .map(grant -> view(grant, all, clients))
                .sorted(Comparator.comparing(Authorization::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Authorization::clientId))
                .toList();
    }

    /**
     * Revokes the person's consent to the client: Keycloak deletes the consent and the client's
     * offline tokens and logs the client out of the person's sessions (its refresh tokens stop
     * working); then a revocation of every token the person gave the client goes to the feed before
     * the answer (Keycloak's listener forwards the same one after Keycloak's commit, on its own time).
     * False when the person has not authorized the client.
     */
    public boolean revoke(Person person, String clientId) {
        boolean granted = consents.of(person.id()).stream()
                .anyMatch(grant -> grant.clientId().equals(clientId));
        if (!granted) {
            return false;
        }
        Optional<ClientRepresentation> client = new RealmClients(admin).find(clientId);
        admin.run("revoke consent", realm -> realm.users().get(person.id()).revokeConsent(clientId));
        revocations.consentRevoked(
                person.issuer(), person.id(), clientId, client.flatMap(RealmClients::accessTokenLifespan));
        return true;
    }

    private static Authorization view(Consent grant, List<UserSession> all, RealmClients clients) {
        // A device-grant application got its tokens on a device, whichever browser approved it and
        // whatever else that browser's session holds.
        boolean deviceApp = clients.isDeviceClient(grant.clientId());
        List<AuthorizedSession> used = all.stream()
                .filter(session -> session.clientIds().contains(grant.clientId()))
                .map(session -> new AuthorizedSession(
                        session.id(),
                        deviceApp ? SessionKind.DEVICE : SessionService.kind(session, clients),
                        session.address(),
                        session.started(),
                        session.lastActive(),
                        session.offline()))
                .toList();
        Instant lastUsed = used.stream()
                .map(AuthorizedSession::lastActive)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(grant.lastUpdated());
        List<GrantedScope> scopes = Arrays.stream(ApiScope.values())
                .filter(scope -> grant.grantedScopes().contains(scope.value()))
                .map(scope -> new GrantedScope(scope.value(), scope.consentText()))
                .toList();
        return new Authorization(
                grant.clientId(),
                clients.name(grant.clientId()),
                clients.homepage(grant.clientId()),
                scopes,
                grant.offlineToken(),
                grant.created(),
                lastUsed,
                used);
    }
}
