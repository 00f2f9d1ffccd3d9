package io.tidbcloud.auth.keycloak;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while realm {@code tidbcloud} answers its OpenID discovery document: every feature of
 * auth-service (app registry, authorizations, revocation feed) needs Keycloak.
 */
@Readiness
@ApplicationScoped
public class KeycloakRealmReadinessCheck implements HealthCheck {

    public static final String NAME = "keycloak-realm";

    private final KeycloakConfig config;
    private final HttpClient http;

    public KeycloakRealmReadinessCheck(KeycloakConfig config) {
        this.config = config;
        this.http =
                HttpClient.newBuilder().connectTimeout(config.probeTimeout()).build();
    }

    @Override
    public HealthCheckResponse call() {
        URI discovery =
                URI.create(config.realmUrl().toString().replaceAll("/+$", "") + "/.well-known/openid-configuration");
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("realm", config.realmUrl().toString());
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(discovery)
                            .timeout(config.probeTimeout())
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200 && answer.body().contains("\"issuer\"")) {
                return response.up().build();
            }
            return response.down()
                    .withData("reason", "discovery answered HTTP " + answer.statusCode())
                    .build();
        } catch (IOException e) {
            return response.down()
                    .withData("reason", "unreachable: " + describe(e))
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("reason", "interrupted").build();
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
