package jp.shinchoku.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP link between a service and its store that a test can cut and restore: while cut, every open connection is
 * closed and new ones are closed as soon as they connect, as in a network or store outage; the store itself and its
 * data are untouched. Works in front of any store (the embedded one, a container, a server).
 */
public final class StoreLink implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private StoreLink(InetSocketAddress target) {
        this.target = target;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon().name("store-link").start(this::accept);
    }

    /** A link to the store at {@code mongodb://host:port}. */
    public static StoreLink to(String mongoUri) {
        String hostPort = mongoUri.replaceFirst("^mongodb://", "").replaceFirst("/.*$", "");
        int colon = hostPort.lastIndexOf(':');
        return new StoreLink(new InetSocketAddress(hostPort.substring(0, colon),
                Integer.parseInt(hostPort.substring(colon + 1))));
    }

    /** The store's address through this link, with short timeouts so that an outage is noticed in seconds. */
    public String mongoUri() {
        return "mongodb://127.0.0.1:" + server.getLocalPort() + "/?serverSelectionTimeoutMS=1500&connectTimeoutMS=1000";
    }

    public synchronized void cut() {
        cut = true;
        open.forEach(StoreLink::closeQuietly);
        open.clear();
    }

    public synchronized void restore() {
        cut = false;
    }

    /** Joins a client to the store unless the link is cut (then the client is closed). */
    private synchronized void connect(Socket client) throws IOException {
        if (cut) {
            closeQuietly(client);
            return;
        }
        Socket store = new Socket(target.getAddress(), target.getPort());
        open.add(client);
        open.add(store);
        pipe(client, store);
        pipe(store, client);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                connect(server.accept());
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread.ofPlatform().daemon().name("store-link-pipe").start(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // the link was cut or one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
