package io.tidbcloud.keycloak.events;

import io.tidbcloud.contract.revocation.RevocationEvent;
import java.util.Optional;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;

/**
 * Hands each revocation to the forwarder only after Keycloak's transaction commits: a revocation
 * that rolls back must not reach the resource servers, and a slow auth-service must not hold the
 * person's request.
 */
public class RevocationEventListenerProvider implements EventListenerProvider {

    private final KeycloakSession session;
    private final RevocationEvents events;
    private final RevocationForwarder forwarder;

    RevocationEventListenerProvider(KeycloakSession session, RevocationEvents events, RevocationForwarder forwarder) {
        this.session = session;
        this.events = events;
        this.forwarder = forwarder;
    }

    @Override
    public void onEvent(Event event) {
        forwardAfterCommit(events.from(event));
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        forwardAfterCommit(events.from(event));
    }

    private void forwardAfterCommit(Optional<RevocationEvent> revocation) {
        revocation.ifPresent(
                event -> session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
                    @Override
                    protected void commitImpl() {
                        forwarder.enqueue(event);
                    }

                    @Override
                    protected void rollbackImpl() {
                        // rolled back: nothing was revoked
                    }
                }));
    }

    @Override
    public void close() {}
}
