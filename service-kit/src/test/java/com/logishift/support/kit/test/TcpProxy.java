package com.logishift.support.kit.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A plain TCP relay to a server (PostgreSQL, IMAP) that a test can cut: {@link #cut()} drops every open
 * connection and refuses new ones (what a service sees during a database failover), {@link #restore()}
 * listens again on the same port. Only this service's connections go through it, so cutting it disturbs
 * neither the shared server nor anything else using it. {@link #beforeClientSends} lets a test act at
 * the moment a client's command is on its way, before the server has it.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private volatile Thread acceptor;
    private volatile int port;
    private final AtomicReference<Trigger> trigger = new AtomicReference<>();

    public TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        listen(0);
    }

    public int port() {
        return port;
    }

    /** Closes every relayed connection and stops accepting new ones: connections are refused. */
    public synchronized void cut() throws IOException {
        server.close();
        // the port is free only once the acceptor has left accept(): a restore() right after would fail
        try {
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    /**
     * The next time a client sends bytes containing {@code text}, runs {@code action} on the relay's
     * thread before they are forwarded: the server gets them only after the action is done.
     */
    public void beforeClientSends(String text, Runnable action) {
        trigger.set(new Trigger(text, action));
    }

    public synchronized void restore() throws IOException {
        if (server.isClosed()) {
            listen(port);
        }
    }

    private void listen(int onPort) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress("127.0.0.1", onPort));
        server = socket;
        port = socket.getLocalPort();
        Thread accepting = new Thread(() -> accept(socket), "tcp-proxy-accept");
        accepting.setDaemon(true);
        acceptor = accepting;
        accepting.start();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream, true);
                pump(upstream, client, false);
            } catch (IOException e) {
                // closed by cut(), or the target refused: the client sees its connection fail
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (fromClient && trigger.get() != null) {
                        fire(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // either side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void fire(String sent) {
        Trigger armed = trigger.get();
        if (armed != null && sent.contains(armed.text()) && trigger.compareAndSet(armed, null)) {
            armed.action().run();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    /** An action to run once, when a client's bytes next contain {@code text} (ASCII). */
    private record Trigger(String text, Runnable action) {
    }
}
