package com.logishift.support.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Four small HTTP servers standing in for the services: each answers with what it received
 * (method, path, query, headers, body) and its own name, so a test sees exactly what the gateway
 * passed on. {@code /slow} never answers in time, {@code /stream} is an SSE stream (that
 * begins only after the gateway's test response timeout), {@code /api/support/attachments} answers
 * 201 with the size and SHA-256 of the body it got,
 * {@code /large} streams 8 MB as fast as it is taken, {@code /refuse-early} answers 413 without reading the body, {@code POST /api/admin/faq} answers 201
 * with an absolute Location of its own address, and the agent stand-in can be stopped to see a
 * backend outage.
 */
public class FakeBackends implements QuarkusTestResourceLifecycleManager {

    private static final String[] NAMES = {"agent", "ticket", "faq", "notification"};
    private static Vertx vertx;
    private static final Map<String, HttpServer> SERVERS = new HashMap<>();
    private static final Map<String, Integer> PORTS = new HashMap<>();
    private static final Map<String, Integer> RECEIVED = new ConcurrentHashMap<>();
    private static final Set<String> RECEIVED_IDS = ConcurrentHashMap.newKeySet();

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String name : NAMES) {
            HttpServer server = listen(name, 0);
            PORTS.put(name, server.actualPort());
            config.put("support." + name + "-service-url", "http://127.0.0.1:" + server.actualPort());
        }
        return config;
    }

    private static HttpServer listen(String name, int port) {
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(request -> {
                String path = request.path().endsWith("/") ? request.path().substring(0, request.path().length() - 1)
                        : request.path();
                if (path.endsWith("/slow")) {
                    return; // never answers
                }
                if (path.endsWith("/refuse-early")) {
                    // a service refusing a body it has not read: it answers at once, and closes the
                    // connection once the rest of the body has arrived (dropped). Closing while the
                    // gateway still sends would make the kernel reset the connection, which can take
                    // the answer with it before anyone reads it: no proxy could relay that
                    request.response().setStatusCode(413).putHeader("Content-Type", "application/problem+json")
                            .putHeader("Connection", "close")
                            .end("{\"type\":\"https://support.logishift.com/problems/payload-too-large\",\"status\":413}");
                    if (request.isEnded()) {
                        request.connection().close();
                    } else {
                        request.endHandler(v -> request.connection().close());
                    }
                    return;
                }
                if (path.endsWith("/large")) {
                    // an answer of 8 MB, written as fast as the connection takes it: a caller can
                    // leave in the middle of it
                    request.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
                    writeLarge(request.response(), Buffer.buffer(new byte[16 * 1024]), 512);
                    return;
                }
                if (path.endsWith("/stream")) {
                    // its head and first event later than the gateway's response timeout in tests
                    // (PT1S): a stream has no idle timeout
                    vertx.setTimer(1500, first -> {
                        request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
                        request.response().write("event: ready\ndata: {}\n\n");
                        vertx.setTimer(300, id -> request.response().write("event: notification\ndata: {\"n\":1}\n\n"));
                    });
                    return;
                }
                request.body().onSuccess(body -> {
                    RECEIVED.merge(request.path(), 1, Integer::sum);
                    String requestId = request.getHeader("X-Request-Id");
                    if (requestId != null) {
                        RECEIVED_IDS.add(requestId);
                    }
                    if (path.startsWith("/api/support/attachments")) {
                        // a file upload: what arrived, not the (large) body itself
                        request.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                                .end(new JsonObject().put("backend", name).put("path", request.path())
                                        .put("contentType", request.getHeader("Content-Type"))
                                        .put("size", body.length()).put("sha256", sha256(body.getBytes())).encode());
                        return;
                    }
                    JsonObject headers = new JsonObject();
                    request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                    JsonObject echo = new JsonObject().put("backend", name).put("method", request.method().name())
                            .put("path", request.path()).put("query", request.query()).put("headers", headers)
                            .put("body", body.toString());
                    int status = request.path().endsWith("/teapot") ? 418 : 200;
                    if ("POST".equals(request.method().name()) && "/api/admin/faq".equals(path)) {
                        // faq-service names a created entry by the address it was reached at
                        status = 201;
                        request.response().putHeader("Location", "http://127.0.0.1:" + request.localAddress().port()
                                + "/api/admin/faq/" + UUID.randomUUID() + "/?lang=de");
                    }
                    request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                            .putHeader("X-Backend", name).end(echo.encode());
                });
            }).listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            SERVERS.put(name, server);
            return server;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the fake " + name + "-service", e);
        }
    }

    private static void writeLarge(HttpServerResponse response, Buffer chunk, int chunksLeft) {
        int left = chunksLeft;
        while (left > 0 && !response.closed() && !response.writeQueueFull()) {
            response.write(chunk);
            left--;
        }
        if (left == 0) {
            response.end();
        } else if (!response.closed()) {
            int rest = left;
            response.drainHandler(v -> writeLarge(response, chunk, rest));
        }
    }

    /** Whether a request with this X-Request-Id arrived with its whole body. */
    public static boolean receivedRequest(String requestId) {
        return RECEIVED_IDS.contains(requestId);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many requests to this path arrived with their whole body. */
    public static int received(String path) {
        return RECEIVED.getOrDefault(path, 0);
    }

    public static void stop(String name) throws Exception {
        SERVERS.remove(name).close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public static void restart(String name) {
        listen(name, PORTS.get(name));
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
