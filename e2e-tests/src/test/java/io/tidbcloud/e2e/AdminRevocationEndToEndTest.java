package io.tidbcloud.e2e;

import static io.tidbcloud.e2e.RevocationStack.HTTP;
import static io.tidbcloud.e2e.RevocationStack.JSON;
import static io.tidbcloud.e2e.RevocationStack.accessToken;
import static io.tidbcloud.e2e.RevocationStack.assertAccepted;
import static io.tidbcloud.e2e.RevocationStack.assertRefusedWithin;
import static io.tidbcloud.e2e.RevocationStack.claims;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An administrator ends a session, logs a user out, revokes a consent, or disables a user in Keycloak's admin API:
 * the user's access tokens fail at the API within a second (Keycloak reports these only as admin events).
 */
class AdminRevocationEndToEndTest {

    @RegisterExtension
    static final RevocationStack stack = RevocationStack.withApiInstances(1);

    @TempDir
    Path tempDir;

    @Test
    void adminEndingTheSessionMakesItsAccessTokenRefusedWithinOneSecond() throws Exception {
        String token = signedIn("google", "alice", "alice-pass");
        String sessionId = claims(token).get("sid").asText();

        // ticloud asks for offline_access, so its tokens belong to the offline copy of the session
        long ended = admin("DELETE", "/sessions/" + sessionId + "?isOffline=true", null);

        assertRefusedWithin(stack.apiUrl(), token, ended, RevocationStack.WITHIN);
    }

    @Test
    void adminLoggingTheUserOutMakesTheirAccessTokenRefusedWithinOneSecond() throws Exception {
        String token = signedIn("microsoft", "bob", "bob-pass");

        long loggedOut = admin("POST", "/users/" + claims(token).get("sub").asText() + "/logout", null);

        assertRefusedWithin(stack.apiUrl(), token, loggedOut, RevocationStack.WITHIN);
    }

    @Test
    void adminRevokingTheConsentMakesTheApplicationsAccessTokenRefusedWithinOneSecond() throws Exception {
        String token = signedIn("google", "carol", "carol-pass");

        long revoked = admin(
                "DELETE",
                "/users/" + claims(token).get("sub").asText() + "/consents/"
                        + claims(token).get("azp").asText(),
                null);

        assertRefusedWithin(stack.apiUrl(), token, revoked, RevocationStack.WITHIN);
    }

    @Test
    void disablingTheUserMakesTheirAccessTokenRefusedWithinOneSecond() throws Exception {
        String token = signedIn("microsoft", "bob", "bob-pass");
        String userPath = "/users/" + claims(token).get("sub").asText();
        try {
            long disabled = admin("PUT", userPath, "{\"enabled\":false}");
            assertRefusedWithin(stack.apiUrl(), token, disabled, RevocationStack.WITHIN);
        } finally {
            admin("PUT", userPath, "{\"enabled\":true}");
        }
    }

    private String signedIn(String idp, String user, String password) throws Exception {
        TicloudCli ticloud = new TicloudCli(tempDir.resolve("ticloud-" + user), stack.apiUrl());
        DeviceLogin.signIn(ticloud, idp, user, password);
        String token = accessToken(ticloud);
        assertAccepted(stack.apiUrl(), token);
        return token;
    }

    /** Calls the admin API of realm tidbcloud; returns System.nanoTime() when it answered 204. */
    private static long admin(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(TestStack.keycloakUrl() + "/admin/realms/tidbcloud" + path))
                .header("Authorization", "Bearer " + stack.admin().adminToken());
        if (json != null) {
            ObjectNode body = (ObjectNode) JSON.readTree(json);
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        long answered = System.nanoTime();
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isEqualTo(204);
        return answered;
    }
}
