package io.tidbcloud.cli.output;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Progress on stderr while waiting: on a terminal an animated spinner on one
 * line (redrawn with \r, cleared at the end), elsewhere one plain line, so
 * logs of scripts stay readable.
 */
public final class Spinner implements AutoCloseable {

    private static final String FRAMES = "|/-\\";

    private final PrintWriter err;
    private final String message;
    private final ScheduledExecutorService animation;
    private int frame;
    private boolean done;

    private Spinner(PrintWriter err, String message, boolean terminal) {
        this.err = err;
        this.message = message;
        if (terminal) {
            animation = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "spinner");
                thread.setDaemon(true);
                return thread;
            });
            animation.scheduleAtFixedRate(this::draw, 0, 120, TimeUnit.MILLISECONDS);
        } else {
            animation = null;
            err.println(message + "...");
            err.flush();
        }
    }

    public static Spinner start(PrintWriter err, String message, boolean terminal) {
        return new Spinner(err, message, terminal);
    }

    private synchronized void draw() {
        if (!done) {
            err.print("\r" + FRAMES.charAt(frame++ % FRAMES.length()) + " " + message);
            err.flush();
        }
    }

    /** Stops the animation and leaves {@code result} as the last line. */
    public synchronized void done(String result) {
        stop();
        err.println(result);
        err.flush();
    }

    private synchronized void stop() {
        if (done) {
            return;
        }
        done = true;
        if (animation != null) {
            animation.shutdownNow();
            err.print("\r\033[K");
        }
    }

    @Override
    public synchronized void close() {
        stop();
        err.flush();
    }
}
