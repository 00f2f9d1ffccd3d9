package io.tidbcloud.bench.authoff;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.tidbcloud.contract.scope.ApiScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jose4j.jwt.JwtClaims;

/**
 * Authorization switched off, for the api-auth-overhead benchmark only: every request acts as one
 * fixed caller holding every API scope (as permissions, which {@code @PermissionsAllowed} checks),
 * and no token is read. The service contains this class only when built with {@code -Dbench.auth-off}.
 */
@ApplicationScoped
public class BenchModeCaller {

    private static final Logger LOG = Logger.getLogger(BenchModeCaller.class);
    private static final Set<String> ALL_SCOPES =
            Stream.of(ApiScope.values()).map(ApiScope::value).collect(Collectors.toUnmodifiableSet());

    private final SecurityIdentity identity;

    BenchModeCaller(@ConfigProperty(name = "bench.auth-off.subject", defaultValue = "bench-user") String subject) {
        // The service reads its caller from a JsonWebToken principal: give it one with the claims it reads.
        JwtClaims claims = new JwtClaims();
        claims.setSubject(subject);
        claims.setClaim("scope", String.join(" ", ALL_SCOPES));
        claims.setIssuedAtToNow();
        JsonWebToken principal = new DefaultJWTCallerPrincipal(claims);
        this.identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(principal)
                .addPermissionsAsString(ALL_SCOPES)
                .build();
    }

    void warn(@Observes StartupEvent started) {
        LOG.warnf(
                "BENCH BUILD: authorization is OFF, every request acts as %s. Never deploy this build.",
                identity.getPrincipal().getName());
    }

    SecurityIdentity identity() {
        return identity;
    }
}
