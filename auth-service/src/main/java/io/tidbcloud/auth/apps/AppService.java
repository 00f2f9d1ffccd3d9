package io.tidbcloud.auth.apps;

import io.tidbcloud.auth.keycloak.RealmAdmin;
import io.tidbcloud.auth.keycloak.RealmClients;
import io.tidbcloud.auth.portal.Person;
import io.tidbcloud.auth.revocation.RevocationPublisher;
import io.tidbcloud.contract.error.GrpcStatus;
import io.tidbcloud.contract.portal.ApplicationKind;
import io.tidbcloud.contract.portal.ApplicationRegistration;
import io.tidbcloud.contract.portal.ClientSecret;
import io.tidbcloud.contract.portal.OAuthApplication;
import io.tidbcloud.contract.scope.ApiScope;
import io.tidbcloud.resourceserver.error.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;

/**
 * The developer application registry: each application is a Keycloak client that auth-service
 * created, and a row naming its owner. Every operation on an existing application first finds the
 * caller's own row, so auth-service never reads or changes a Keycloak client it did not register
 * for that person; anything else answers as if it did not exist.
 */
@ApplicationScoped
@Transactional
public class AppService {

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int CLIENT_ID_RANDOM_CHARS = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RealmAdmin admin;
    private final RevocationPublisher revocations;
    private final AppConfig config;
    private final Clock clock = Clock.systemUTC();

    AppService(RealmAdmin admin, RevocationPublisher revocations, AppConfig config) {
        this.admin = admin;
        this.revocations = revocations;
        this.config = config;
    }

    /** Registers the application; the answer carries the client secret of a web app, shown only now. */
    public OAuthApplication create(Person person, ApplicationRegistration request) {
        NewApp app = AppValidator.validate(request);
        if (OAuthApp.countOwnedBy(person.id()) >= config.maxPerOwner()) {
            throw new ServiceException(
                    GrpcStatus.ALREADY_EXISTS,
                    "You already own " + config.maxPerOwner() + " applications, the most allowed; delete one first");
        }
        OAuthApp row = new OAuthApp();
        row.clientId = newClientId();
        row.owner = person.id();
        row.name = app.name();
        row.kind = app.kind();
        row.homepage = app.homepage();
        row.created = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        // the row first: a database failure then leaves no client behind in Keycloak, and a Keycloak
        // failure rolls the row back
        row.persistAndFlush();
        ClientRepresentation wanted = KeycloakClientSettings.of(row.clientId, app);
        String uuid = admin.call("create client", realm -> {
                    try (Response created = realm.clients().create(wanted)) {
                        if (created.getStatus() != 201) {
                            throw new ServiceException(
                                    GrpcStatus.UNAVAILABLE,
                                    "The authorization server (Keycloak) refused to create the client; try again later");
                        }
                        String location = created.getLocation().getPath();
                        return location.substring(location.lastIndexOf('/') + 1);
                    }
                })
                .orElseThrow(() -> new ServiceException(
                        GrpcStatus.UNAVAILABLE, "The authorization server (Keycloak) cannot serve this request now"));
        OAuthApplication view = view(row, Optional.of(wanted));
        if (app.kind() != ApplicationKind.WEB) {
            return view;
        }
        String secret = admin.call(
                        "read new client's secret",
                        realm -> realm.clients().get(uuid).getSecret())
                .map(CredentialRepresentation::getValue)
                .orElseThrow(() -> new ServiceException(
                        GrpcStatus.UNAVAILABLE, "The authorization server (Keycloak) cannot serve this request now"));
        return view.withClientSecret(secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OAuthApplication> list(Person person) {
        RealmClients clients = new RealmClients(admin);
        return OAuthApp.ownedBy(person.id()).stream()
                .map(row -> view(row, clients.find(row.clientId)))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OAuthApplication> get(Person person, String clientId) {
        return OAuthApp.findOwned(person.id(), clientId)
                .map(row -> view(row, new RealmClients(admin).find(row.clientId)));
    }

    /** A new client secret for the person's web app; the old one stops working. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ClientSecret> rotateSecret(Person person, String clientId) {
        Optional<OAuthApp> row = OAuthApp.findOwned(person.id(), clientId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (row.get().kind != ApplicationKind.WEB) {
            throw new ServiceException(
                    GrpcStatus.INVALID_ARGUMENT, "A device application is a public client and has no secret.");
        }
        String uuid = new RealmClients(admin)
                .find(clientId)
                .map(ClientRepresentation::getId)
                .orElseThrow(AppService::clientMissing);
        return admin.call(
                        "rotate client secret",
                        realm -> realm.clients().get(uuid).generateNewSecret())
                .map(secret -> new ClientSecret(clientId, secret.getValue()));
    }

    /**
     * Deletes the person's app: its Keycloak client (with its sessions and consents), its row, and
     * every access token issued to it, through a client-wide revocation on the feed.
     */
    public boolean delete(Person person, String clientId) {
        Optional<OAuthApp> row = OAuthApp.findOwned(person.id(), clientId);
        if (row.isEmpty()) {
            return false;
        }
        Optional<ClientRepresentation> client = new RealmClients(admin).find(clientId);
        client.ifPresent(found -> admin.run(
                "delete client", realm -> realm.clients().get(found.getId()).remove()));
        row.get().delete();
        revocations.applicationDeleted(person.issuer(), clientId, client.flatMap(RealmClients::accessTokenLifespan));
        return true;
    }

    private static OAuthApplication view(OAuthApp row, Optional<ClientRepresentation> client) {
        List<String> redirectUris =
                client.map(ClientRepresentation::getRedirectUris).orElse(List.of());
        List<String> optional =
                client.map(ClientRepresentation::getOptionalClientScopes).orElse(List.of());
        List<String> scopes = Arrays.stream(ApiScope.values())
                .map(ApiScope::value)
                .filter(scope -> optional != null && optional.contains(scope))
                .toList();
        return new OAuthApplication(
                row.clientId,
                row.name,
                row.kind,
                redirectUris == null ? List.of() : List.copyOf(redirectUris),
                scopes,
                row.homepage,
                row.created,
                null);
    }

    private String newClientId() {
        StringBuilder id = new StringBuilder(config.clientIdPrefix());
        for (int i = 0; i < CLIENT_ID_RANDOM_CHARS; i++) {
            id.append(BASE32[RANDOM.nextInt(BASE32.length)]);
        }
        return id.toString();
    }

    private static ServiceException clientMissing() {
        return new ServiceException(
                GrpcStatus.UNAVAILABLE,
                "The application's client is missing in the authorization server; try again later");
    }
}
