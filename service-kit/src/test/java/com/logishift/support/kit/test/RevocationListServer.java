package com.logishift.support.kit.test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for agent-service's {@code GET /internal/revocations}: a real HTTP server on a free
 * port that the service (or the gateway) polls (every 0.2 s in %test). Tests replace the list it serves with a
 * {@code PUT} of the same JSON; {@code GET …/fetches} tells how often the list was fetched.
 */
public class RevocationListServer implements QuarkusTestResourceLifecycleManager {

    public static final String PATH = "/internal/revocations";

    private HttpServer server;
    private volatile byte[] body = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);
    private final AtomicInteger fetches = new AtomicInteger();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, this::handle);
        server.start();
        return Map.of("support.revocations.url",
                "http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("PUT".equals(exchange.getRequestMethod())) {
                body = exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            byte[] answer = body;
            if (exchange.getRequestURI().getPath().endsWith("/fetches")) {
                answer = Integer.toString(fetches.get()).getBytes(StandardCharsets.UTF_8);
            } else {
                fetches.incrementAndGet();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
