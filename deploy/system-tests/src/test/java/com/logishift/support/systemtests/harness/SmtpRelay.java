package com.logishift.support.systemtests.harness;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * notification-service's way to the run's SMTP server: a plain TCP relay the harness owns. Open, it
 * passes every byte unchanged; {@link #cut()} drops its connections and refuses new ones (the mail
 * server is away, for that one service) until {@link #restore()}. GreenMail itself, ticket-service's
 * SMTP and IMAP, and the mailboxes the other tests read are never touched.
 */
public final class SmtpRelay implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "system-tests-smtp-relay");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ServerSocket listening;

    SmtpRelay(String host, int targetPort) throws IOException {
        this.target = new InetSocketAddress(host, targetPort);
        this.listening = listen(0);
        this.port = listening.getLocalPort();
    }

    /** Where notification-service sends its mail (127.0.0.1). */
    public int port() {
        return port;
    }

    /** The mail server goes away for notification-service: open connections drop, new ones are refused. */
    public synchronized void cut() {
        closeQuietly(listening);
        connections.forEach(SmtpRelay::closeQuietly);
        connections.clear();
    }

    /** Back on the same port. */
    public synchronized void restore() throws IOException {
        if (listening.isClosed()) {
            listening = listen(port);
        }
    }

    @Override
    public void close() {
        cut();
        threads.shutdownNow();
    }

    private ServerSocket listen(int onPort) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true); // the same port again right after a cut
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
        threads.execute(() -> relayEach(server));
        return server;
    }

    private void relayEach(ServerSocket server) {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException closedByCut) {
                return;
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(target, 10_000);
            } catch (IOException refused) {
                closeQuietly(client); // the service sees its connection fail, as without a relay
                continue;
            }
            connections.add(client);
            connections.add(upstream);
            threads.execute(() -> copy(client, upstream));
            threads.execute(() -> copy(upstream, client));
        }
    }

    /** One direction; when either side ends, both do. */
    private void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException ended) {
            // closed by the other direction or by cut()
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            connections.remove(from);
            connections.remove(to);
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
