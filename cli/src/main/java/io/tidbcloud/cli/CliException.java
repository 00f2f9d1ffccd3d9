package io.tidbcloud.cli;

/**
 * A failure the user should read: its message is printed as is on stderr and
 * the process ends with its exit code (see {@link ErrorHandler}).
 */
public class CliException extends RuntimeException {

    private final ExitCode exitCode;

    public CliException(ExitCode exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public static CliException error(String message) {
        return new CliException(ExitCode.ERROR, message);
    }

    /**
     * A value on the command line that the command cannot use: exit code 2, and on the command line the
     * command's usage follows the message, as for the errors picocli finds itself.
     */
    public static CliException usage(String message) {
        return new CliException(ExitCode.USAGE, message);
    }

    public static CliException notSignedIn() {
        return new CliException(ExitCode.NOT_SIGNED_IN, "Not signed in: run `ticloud auth login`");
    }

    public static CliException tokenRejected(String reason) {
        return new CliException(ExitCode.NOT_SIGNED_IN, reason + ": run `ticloud auth login`");
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
