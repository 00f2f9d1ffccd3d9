package io.tidbcloud.auth.keycloak;

import io.tidbcloud.contract.Realm;
import io.tidbcloud.contract.error.GrpcStatus;
import io.tidbcloud.resourceserver.error.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * Keycloak's admin API for realm {@code tidbcloud}, through auth-service's own service account
 * (client {@code auth-service}, client-credentials grant; quarkus-keycloak-admin-rest-client gets
 * and renews its token on first use, so start-up does not need Keycloak).
 *
 * <p>Every call goes through {@link #call}: Keycloak's own 404 becomes an empty answer for the caller
 * to judge (it never reaches a client as "no such resource" of ours), and Keycloak being down,
 * answering 5xx, or refusing our service account becomes 503 with a message a person can act on,
 * never a 500.
 */
@ApplicationScoped
public class RealmAdmin {

    private static final Logger LOG = Logger.getLogger(RealmAdmin.class);

    private final Keycloak keycloak;

    RealmAdmin(Keycloak keycloak) {
        this.keycloak = keycloak;
    }

    /** Runs an admin call on realm tidbcloud; empty when Keycloak answers 404. */
    public <T> Optional<T> call(String what, java.util.function.Function<RealmResource, T> call) {
        return guarded(what, () -> Optional.ofNullable(call.apply(keycloak.realm(Realm.NAME))));
    }

    /** Runs an admin call that answers nothing; false when Keycloak answers 404. */
    public boolean run(String what, java.util.function.Consumer<RealmResource> call) {
        return guarded(what, () -> {
                    call.accept(keycloak.realm(Realm.NAME));
                    return Optional.of(Boolean.TRUE);
                })
                .isPresent();
    }

    private static <T> Optional<T> guarded(String what, Supplier<Optional<T>> call) {
        try {
            return call.get();
        } catch (ProcessingException e) {
            LOG.warnf("Keycloak unreachable (%s): %s", what, e.getMessage());
            throw unavailable();
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if (status == 404) {
                return Optional.empty();
            }
            if (status == 401 || status == 403) {
                LOG.errorf(
                        "Keycloak refused auth-service's service account (%s): HTTP %d; check TIDBCLOUD_AUTH_SERVICE_SECRET"
                                + " and the account's realm-management roles",
                        what, status);
            } else {
                LOG.warnf("Keycloak answered HTTP %d (%s)", status, what);
            }
            throw unavailable();
        }
    }

    private static ServiceException unavailable() {
        return new ServiceException(
                GrpcStatus.UNAVAILABLE,
                "The authorization server (Keycloak) cannot serve this request now; try again later");
    }
}
