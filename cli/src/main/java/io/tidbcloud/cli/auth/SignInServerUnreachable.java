package io.tidbcloud.cli.auth;

import io.tidbcloud.cli.CliException;
import io.tidbcloud.cli.config.Profile;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/**
 * The sign-in server (Keycloak) did not answer a login or a refresh: one message for both, naming the
 * server and what could not be done, so that a person tells "Keycloak is down" from "my session ended".
 * Exit code 1: nothing is wrong with the stored session, which is kept for when the server is back.
 */
final class SignInServerUnreachable {

    private SignInServerUnreachable() {}

    static CliException of(Profile profile, String toDo, IOException cause) {
        return CliException.error("Cannot reach the sign-in server (Keycloak) at " + profile.oauthEndpoint() + " to "
                + toDo + ": " + reason(cause) + ". Is it running? Try again when it is back.");
    }

    private static String reason(IOException cause) {
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        if (cause.getCause() instanceof UnresolvedAddressException) {
            return "unknown host";
        }
        return "the connection failed";
    }
}
