package com.logishift.support.notification.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner's endpoint on 127.0.0.1 (JDK HttpServer): records every request and answers what the
 * test says for the n-th request (counting from 1). Verifies signatures with its own HMAC code,
 * not the service's.
 */
final class Receiver implements AutoCloseable {

    /** What the receiver answers: a status, headers, a body; {@code hang} keeps the request open. */
    record Answer(int status, Map<String, String> headers, String body, boolean hang) {
        static Answer of(int status) {
            return new Answer(status, Map.of(), "", false);
        }
    }

    /** One request as it arrived; {@code headerNames} in lower case. */
    record Request(String id, String timestamp, String signature, String contentType, String body, Instant at,
            Set<String> headerNames) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Object hangLock = new Object();
    private volatile boolean released;

    Receiver(IntFunction<Answer> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            var h = exchange.getRequestHeaders();
            Request request = new Request(h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"),
                    h.getFirst("webhook-signature"), h.getFirst("content-type"), body, Instant.now(),
                    h.keySet().stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));
            int n;
            synchronized (requests) {
                requests.add(request);
                n = requests.size();
            }
            Answer answer = answers.apply(n);
            if (answer.hang()) {
                synchronized (hangLock) {
                    while (!released) {
                        try {
                            hangLock.wait();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                    }
                }
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            try {
                exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    exchange.getResponseBody().write(bytes);
                }
            } catch (IOException e) {
                // the sender gave up (timeout): nothing to answer
            }
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Lets every hanging request answer. */
    void release() {
        synchronized (hangLock) {
            released = true;
            hangLock.notifyAll();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }

    /** True when one of the header's v1 signatures is the HMAC-SHA256 of id.timestamp.body under the secret. */
    static boolean verifies(String secret, Request request) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(
                    (request.id() + "." + request.timestamp() + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
            for (String signature : request.signature().split(" ")) {
                if (java.security.MessageDigest.isEqual(signature.getBytes(StandardCharsets.UTF_8),
                        expected.getBytes(StandardCharsets.UTF_8))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
