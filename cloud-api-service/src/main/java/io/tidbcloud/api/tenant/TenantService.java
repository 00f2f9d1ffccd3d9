package io.tidbcloud.api.tenant;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tidbcloud.api.common.Ids;
import io.tidbcloud.api.config.ApiConfig;
import io.tidbcloud.api.project.ProjectService;
import io.tidbcloud.api.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Enrolls callers: a user's first authenticated call creates their organization and a project
 * named {@code default} that they own.
 *
 * <p>Race-safe without locks: the unique owner_subject lets only one of two concurrent first
 * calls commit; the loser's transaction fails and it reads the winner's organization.
 *
 * <p>Every authorized request passes through here, and a caller's organization never changes once
 * made (nothing deletes or re-owns one), so each instance remembers the tenants it has seen
 * instead of opening a transaction and querying on every call.
 */
@ApplicationScoped
public class TenantService {

    private static final Logger LOG = Logger.getLogger(TenantService.class);
    private static final int READS_AFTER_CONFLICT = 5;
    /** Bounds the memory of an instance that sees very many users; a miss costs one query. */
    private static final int KNOWN_TENANTS_LIMIT = 100_000;

    private final Map<String, Tenant> known = new ConcurrentHashMap<>();

    @Inject
    ProjectService projects;

    @Inject
    ApiConfig config;

    public Tenant enroll(Caller caller) {
        Tenant tenant = known.get(caller.subject());
        if (tenant == null) {
            tenant = findOrCreate(caller);
            if (known.size() >= KNOWN_TENANTS_LIMIT) {
                known.clear();
            }
            known.put(caller.subject(), tenant);
        }
        return tenant;
    }

    private Tenant findOrCreate(Caller caller) {
        Optional<Tenant> existing = find(caller.subject());
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> create(caller));
        } catch (RuntimeException conflict) {
            // Most likely a concurrent first call of the same user committed first.
            for (int attempt = 0; attempt < READS_AFTER_CONFLICT; attempt++) {
                existing = find(caller.subject());
                if (existing.isPresent()) {
                    LOG.debugf("concurrent enrollment of %s: using the organization created first", caller.subject());
                    return existing.get();
                }
                pause(attempt);
            }
            throw conflict;
        }
    }

    private Optional<Tenant> find(String subject) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Organization.findByOwner(subject).map(org -> new Tenant(subject, org.id)));
    }

    private Tenant create(Caller caller) {
        Organization org = new Organization();
        org.id = Ids.next();
        org.name = caller.displayName();
        org.ownerSubject = caller.subject();
        org.createdAt = Instant.now();
        org.persist();
        // Flush now, so that a concurrent enrollment fails here on the unique owner, before the project.
        org.flush();
        projects.createOwnedBy(org.id, config.tenancy().defaultProjectName(), caller.subject());
        LOG.infof("enrolled %s: organization %d", caller.subject(), org.id);
        return new Tenant(caller.subject(), org.id);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(50L * (attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
