package io.tidbcloud.cli.api;

import io.tidbcloud.cli.CliException;
import io.tidbcloud.cli.ExitCode;

/** The API answered with an error status; the message is the API's own. */
public final class ApiException extends CliException {

    private final int status;

    public ApiException(int status, String apiMessage) {
        super(ExitCode.ERROR, "The API answered HTTP " + status + ": " + apiMessage);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
