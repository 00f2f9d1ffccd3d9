package io.tidbcloud.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a Kubernetes Service does for the auth-service pods, on one host: a TCP port whose
 * connections go to the first backend, in the order given, that accepts them. Each balancer prefers
 * one instance, so while both run each subscriber and each Keycloak node talks to "its" instance;
 * when that one stops, its connections break and new ones reach the other.
 */
final class TcpBalancer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Integer> backends;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;

    private TcpBalancer(ServerSocket server, List<Integer> backends) {
        this.server = server;
        this.backends = List.copyOf(backends);
    }

    /** Listens on {@code port} of localhost, forwarding to the backend ports in order of preference. */
    static TcpBalancer start(int port, List<Integer> backends) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress("127.0.0.1", port));
        TcpBalancer balancer = new TcpBalancer(server, backends);
        Thread accepting = new Thread(balancer::accept, "balancer-" + port);
        accepting.setDaemon(true);
        accepting.start();
        return balancer;
    }

    private void accept() {
        while (running) {
            try {
                Socket client = server.accept();
                Socket backend = connect();
                if (backend == null) {
                    client.close();
                    continue;
                }
                open.add(client);
                open.add(backend);
                pump(client, backend);
                pump(backend, client);
            } catch (IOException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    private Socket connect() {
        for (int port : backends) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return socket;
            } catch (IOException refused) {
                closeQuietly(socket);
            }
        }
        return null;
    }

    /** Copies one direction until it ends, then closes both sides (as a dead pod's connections end). */
    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int read;
                        while ((read = in.read(buffer)) >= 0) {
                            out.write(buffer, 0, read);
                            out.flush();
                        }
                    } catch (IOException ended) {
                        // either side went away
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                        open.remove(from);
                        open.remove(to);
                    }
                },
                "balancer-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        server.close();
        open.forEach(TcpBalancer::closeQuietly);
    }
}
