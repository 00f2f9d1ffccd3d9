package io.tidbcloud.cli;

import io.tidbcloud.cli.auth.OAuthProtocolException;
import io.tidbcloud.cli.config.Settings;
import io.tidbcloud.cli.credentials.SecureFiles;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.FileSystemException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become a message on stderr and an exit code.
 * Never prints class names or stack traces: each message says what happened
 * and, where there is one, what to do.
 */
public final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        return report(ex, commandLine.getErr());
    }

    /** Writes what {@code ex} means for the person on {@code err}; returns the exit code it ends with. */
    public static int report(Exception ex, PrintWriter err) {
        Failure failure = classify(ex);
        err.println(failure.message());
        err.flush();
        return failure.exitCode().value();
    }

    record Failure(ExitCode exitCode, String message) {}

    static Failure classify(Throwable ex) {
        if (ex instanceof CliException cli) {
            return new Failure(cli.exitCode(), cli.getMessage());
        }
        if (ex instanceof OAuthProtocolException oauth) {
            return new Failure(ExitCode.ERROR, "The sign-in server refused the request: " + oauth.describe());
        }
        if (ex instanceof InterruptedException
                || ex instanceof InterruptedIOException && !(ex instanceof HttpTimeoutException)) {
            return new Failure(ExitCode.INTERRUPTED, "Interrupted.");
        }
        if (ex instanceof ConnectException
                || ex instanceof HttpConnectTimeoutException
                || ex.getCause() instanceof UnresolvedAddressException) {
            return new Failure(ExitCode.ERROR, "Cannot connect to the server: " + describe(ex));
        }
        if (ex instanceof HttpTimeoutException) {
            return new Failure(ExitCode.ERROR, "The server did not answer in time.");
        }
        if (ex instanceof FileSystemException file) {
            // a local file (the configuration, the credentials or their lock), not the network
            return new Failure(
                    ExitCode.ERROR,
                    "Cannot write " + file.getFile() + ": " + SecureFiles.reason(file) + ". Check that "
                            + Settings.CONFIG_DIR_ENV
                            + " (default ~/.ticloud) is a writable directory with free space.");
        }
        if (ex instanceof IOException) {
            return new Failure(ExitCode.ERROR, "Network error: " + describe(ex));
        }
        return new Failure(ExitCode.ERROR, "Unexpected error: " + describe(ex));
    }

    private static String describe(Throwable ex) {
        String message = ex.getMessage();
        if (message == null && ex.getCause() != null) {
            message = ex.getCause().getMessage();
        }
        return message == null ? "no details" : message;
    }
}
