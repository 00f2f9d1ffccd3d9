package io.tidbcloud.cli;

import io.tidbcloud.cli.http.DeferredSslContext;
import io.tidbcloud.cli.http.LazyHttpClient;
import javax.net.ssl.SSLContext;

/** Entry point of {@code ticloud}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        // Before anything reads the JVM's default TLS context (the Nimbus SDK does at class set-up): only a
        // TLS connection should pay for parsing the trust store.
        SSLContext.setDefault(DeferredSslContext.jdkDefault());
        if (Boolean.getBoolean("ticloud.aot.training")) {
            System.exit(AotTraining.run()); // bin/ticloud recording the AOT cache
        }
        CliContext context = CliContext.system();
        int exitCode = Ticloud.run(context, args);
        // System.exit waits up to 300 ms for threads that are in native code to stop (HotSpot's
        // VM_Exit), and the HTTP client's selector thread sits in epoll_wait: end it first.
        if (context.http() instanceof LazyHttpClient http) {
            http.closeIfBuilt();
        }
        System.exit(exitCode);
    }
}
