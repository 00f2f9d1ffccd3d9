package io.tidbcloud.api.security;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.tidbcloud.contract.scope.ApiScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Authorization switched off, for the api-auth-overhead benchmark only: every request acts as one
 * fixed caller with all scopes and no token is read. The bean exists only in a build made with
 * {@code -Dquarkus.profile=bench}; no runtime setting can turn it on in a normal build.
 */
@IfBuildProfile("bench")
@ApplicationScoped
public class BenchModeCaller {

    private static final Logger LOG = Logger.getLogger(BenchModeCaller.class);
    private static final Set<String> ALL_SCOPES = Stream.of(ApiScope.values()).map(ApiScope::value).collect(Collectors.toUnmodifiableSet());

    private final Caller caller;

    BenchModeCaller(@ConfigProperty(name = "tidbcloud.api.bench.subject", defaultValue = "bench-user") String subject) {
        this.caller = new Caller(subject, ALL_SCOPES, subject);
    }

    void warn(@Observes StartupEvent started) {
        LOG.warnf("BENCH BUILD: authorization is OFF, every request acts as %s. Never deploy this build.", caller.subject());
    }

    Caller caller() {
        return caller;
    }
}
