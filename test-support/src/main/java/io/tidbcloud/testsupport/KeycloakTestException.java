package io.tidbcloud.testsupport;

/** A call to the test Keycloak failed; the message names the call, the status and Keycloak's answer. */
public class KeycloakTestException extends RuntimeException {

    public KeycloakTestException(String message) {
        super(message);
    }

    public KeycloakTestException(String message, Throwable cause) {
        super(message, cause);
    }
}
