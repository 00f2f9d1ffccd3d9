package io.tidbcloud.cli.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An {@link SSLContext} that gets the real one (by default the JDK's default context) only when a
 * TLS connection is first made. {@code HttpClient.build()} asks for {@code SSLContext.getDefault()}
 * even when every endpoint is plain {@code http://} (the local stack), and the default context parses
 * the whole cacerts trust store: a quarter of a second of a CLI's start-up for nothing.
 *
 * <p>{@link #jdkDefault()} is also the JVM's default context in ticloud ({@code Main} sets it), for
 * libraries that touch the default at class initialisation: the Nimbus SDK's {@code HTTPRequest} reads
 * {@code SSLSocketFactory.getDefault()} in its static initialiser, so every token refresh, device
 * authorization and revocation paid for the trust store although ticloud sends those requests itself.
 */
public final class DeferredSslContext extends SSLContext {

    private DeferredSslContext(Supplier<SSLContext> real) {
        super(new DeferredSpi(real), null, "TLS");
    }

    /**
     * The process's one deferral of the JDK's default context (trust store, key store and protocols exactly as
     * the JDK and the javax.net.ssl properties configure them): one trust store parsed a process at most.
     */
    public static DeferredSslContext jdkDefault() {
        return JdkDefault.CONTEXT;
    }

    /** Made when first asked for (the holder idiom). */
    private static final class JdkDefault {
        // By name rather than SSLContext.getDefault(), which returns this very context once Main set it.
        static final DeferredSslContext CONTEXT = new DeferredSslContext(() -> {
            try {
                return SSLContext.getInstance("Default");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("no default TLS context in this JDK", e);
            }
        });
    }

    /** Defers {@code real} (tests count how often it is asked for). */
    public static DeferredSslContext of(Supplier<SSLContext> real) {
        return new DeferredSslContext(real);
    }

    /**
     * Parameters to build an {@code HttpClient} with next to this context, so that the client does not
     * ask the context for its defaults up front: no protocols or cipher suites set means the engine keeps
     * those of the real context, which are the defaults the client would have copied.
     */
    public static SSLParameters engineDefaults() {
        return new SSLParameters();
    }

    private static final class DeferredSpi extends SSLContextSpi {

        private final Lazy<SSLContext> real;

        DeferredSpi(Supplier<SSLContext> factory) {
            this.real = new Lazy<>(factory);
        }

        private SSLContext real() {
            return real.get();
        }

        @Override
        protected void engineInit(KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random)
                throws KeyManagementException {
            throw new KeyManagementException("a deferred SSLContext is configured by the context it defers");
        }

        /** A factory that sets TLS up on its first socket: libraries keep one from class initialisation on. */
        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            SSLContext context = real.ifMade();
            return context != null ? context.getSocketFactory() : new DeferredSocketFactory(this);
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return real().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return real().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return real().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return real().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return real().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return real().getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return real().getSupportedSSLParameters();
        }
    }

    private static final class DeferredSocketFactory extends SSLSocketFactory {

        private final DeferredSpi context;

        DeferredSocketFactory(DeferredSpi context) {
            this.context = context;
        }

        private SSLSocketFactory real() {
            return context.real().getSocketFactory();
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return real().getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return real().getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return real().createSocket();
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            return real().createSocket(socket, host, port, autoClose);
        }

        @Override
        public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose) throws IOException {
            return real().createSocket(socket, consumed, autoClose);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return real().createSocket(host, port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return real().createSocket(host, port, localHost, localPort);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return real().createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return real().createSocket(address, port, localAddress, localPort);
        }
    }
}
