package io.tidbcloud.cli.http;

import java.security.KeyManagementException;
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
 */
public final class DeferredSslContext extends SSLContext {

    private DeferredSslContext(Supplier<SSLContext> real) {
        super(new DeferredSpi(real), null, "TLS");
    }

    /** Defers {@link SSLContext#getDefault()}: trust store, key store and protocols exactly as the JDK configures them. */
    public static DeferredSslContext ofDefault() {
        return new DeferredSslContext(() -> {
            try {
                return SSLContext.getDefault();
            } catch (java.security.NoSuchAlgorithmException e) {
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

        private final Supplier<SSLContext> factory;
        private volatile SSLContext real;

        DeferredSpi(Supplier<SSLContext> factory) {
            this.factory = factory;
        }

        private SSLContext real() {
            SSLContext context = real;
            if (context == null) {
                synchronized (this) {
                    context = real;
                    if (context == null) {
                        context = factory.get();
                        real = context;
                    }
                }
            }
            return context;
        }

        @Override
        protected void engineInit(KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random)
                throws KeyManagementException {
            throw new KeyManagementException("a deferred SSLContext is configured by the context it defers");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return real().getSocketFactory();
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
}
