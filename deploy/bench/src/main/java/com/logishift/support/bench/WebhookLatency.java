package com.logishift.support.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Webhooks at load: ENDPOINTS partners' receivers on 127.0.0.1, the last one dead (it accepts the
 * connection and never answers), each registered for ticket.created through the gateway; then
 * tickets at RATE per second (each a ticket.created event for every endpoint). Measures, for the
 * live endpoints, the time from a ticket's intended creation to its delivery, and how many arrived.
 * The notification-service must allow 127.0.0.1 (SUPPORT_WEBHOOK_ALLOWED_HOSTS) and plain http.
 *
 * <p>Usage: WebhookLatency GATEWAY_URL TOKEN_DIR RATE SECONDS DRAIN_SECONDS ENDPOINTS OUT.json
 */
public final class WebhookLatency {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        double rate = Double.parseDouble(args[2]);
        int[] counts = java.util.Arrays.stream(args, 3, 6).mapToInt(Integer::parseInt).toArray();
        int seconds = counts[0], drain = counts[1], endpoints = counts[2];
        Path tokens = Path.of(args[1]), out = Path.of(args[6]);
        String admin = Files.readAllLines(tokens.resolve("admins.txt")).get(0).trim();
        List<String> customers = Files.readAllLines(tokens.resolve("customers.txt")).stream().filter(s -> !s.isBlank()).toList();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        // ticket id -> intended creation (nanoTime); deliveries that beat the create answer wait in `early`
        Map<String, Long> intended = new ConcurrentHashMap<>();
        Map<String, List<Long>> early = new ConcurrentHashMap<>();
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(300), 3);
        AtomicInteger delivered = new AtomicInteger();
        List<Set<String>> seen = new ArrayList<>();
        CountDownLatch end = new CountDownLatch(1);
        List<HttpServer> servers = new ArrayList<>();
        List<String> hooks = new ArrayList<>();
        for (int e = 0; e < endpoints; e++) {
            boolean dead = e == endpoints - 1;
            Set<String> got = ConcurrentHashMap.newKeySet();
            seen.add(got);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            // a live receiver answers on its server's own thread (no hand-off per request): like a real
            // partner it only takes the event in; verifying signatures is the system tests' job. The dead
            // one needs threads to hang on.
            server.setExecutor(dead ? Executors.newCachedThreadPool() : null);
            server.createContext("/", exchange -> {
                long now = System.nanoTime();
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (dead) {
                    awaitQuietly(end);
                } else {
                    String ticket = ticketId(body);
                    if (got.add(ticket)) { // at-least-once: a retry is not a second sample
                        Long due;
                        synchronized (early) { // with the creation's answer: a delivery is sampled exactly once
                            due = intended.get(ticket);
                            if (due == null) {
                                early.computeIfAbsent(ticket, t -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(now);
                            }
                        }
                        if (due != null) {
                            sample(latency, now - due, delivered);
                        }
                    }
                }
                exchange.sendResponseHeaders(dead ? 503 : 204, -1);
                exchange.close();
            });
            server.start();
            servers.add(server);
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/admin/webhooks/"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url
                            + "\",\"eventTypes\":[\"com.logishift.support.ticket.created.v1\"],\"description\":\"bench\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("registering a webhook: HTTP " + created.statusCode() + " " + created.body());
            }
            hooks.add(JSON.readTree(created.body()).get("id").asText());
        }

        // tickets at a fixed rate, each measured from when it was due (open model)
        int total = (int) Math.round(rate * seconds);
        long period = (long) (1e9 / rate);
        System.out.println("load start"); // deploy/bench's CPU-per-process measurement waits for these two lines
        System.out.flush();
        long start = System.nanoTime();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch allSent = new CountDownLatch(total);
        clock.scheduleAtFixedRate(() -> {
            int n = sent.getAndIncrement();
            if (n >= total) {
                return;
            }
            long due = start + n * period;
            http.sendAsync(HttpRequest.newBuilder(URI.create(gateway + "/api/support/tickets/create/"))
                            .header("Authorization", "Bearer " + customers.get(n % customers.size()))
                            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(5))
                            .POST(HttpRequest.BodyPublishers.ofString(RateSimulation.createBody())).build(),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((r, failure) -> {
                        try {
                            if (failure != null || r.statusCode() != 201) {
                                failed.incrementAndGet();
                                return;
                            }
                            String ticket = JSON.readTree(r.body()).get("id").asText();
                            List<Long> before;
                            synchronized (early) {
                                intended.put(ticket, due);
                                before = early.remove(ticket);
                            }
                            if (before != null) {
                                before.forEach(at -> sample(latency, at - due, delivered));
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        } finally {
                            allSent.countDown();
                        }
                    });
        }, 0, period, TimeUnit.NANOSECONDS);
        allSent.await(seconds + 30L, TimeUnit.SECONDS);
        clock.shutdownNow();
        int live = endpoints - 1;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(drain);
        while (System.nanoTime() < until && delivered.get() < (long) (total - failed.get()) * live) {
            Thread.sleep(100);
        }
        System.out.println("load end");
        System.out.flush();

        ObjectNode result = JSON.createObjectNode();
        result.put("offeredRate", rate);
        result.put("seconds", seconds);
        result.put("endpoints", endpoints);
        result.put("deadEndpoints", 1);
        result.put("ticketsCreated", total - failed.get());
        result.put("createErrors", failed.get());
        result.put("expectedDeliveries", (long) (total - failed.get()) * live);
        result.put("delivered", delivered.get());
        ArrayNode perEndpoint = result.putArray("deliveredPerLiveEndpoint");
        seen.subList(0, live).forEach(s -> perEndpoint.add(s.size()));
        result.set("createToDelivery", EventLatency.percentiles(latency));
        Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        System.out.println(JSON.writeValueAsString(result));

        end.countDown();
        for (String hook : hooks) { // the bench's endpoints go again with the run
            http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/admin/webhooks/" + hook + "/"))
                    .header("Authorization", "Bearer " + admin).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
        servers.forEach(s -> s.stop(0));
        System.exit(0);
    }

    private static final byte[] TICKET_ID = "\"ticketId\":\"".getBytes(StandardCharsets.US_ASCII);

    /** data.ticketId of the CloudEvent: found by its key, not by parsing the whole event (the receivers share the cores). */
    static String ticketId(byte[] event) throws java.io.IOException {
        outer:
        for (int i = 0; i + TICKET_ID.length + 36 <= event.length; i++) {
            for (int j = 0; j < TICKET_ID.length; j++) {
                if (event[i + j] != TICKET_ID[j]) {
                    continue outer;
                }
            }
            return new String(event, i + TICKET_ID.length, 36, StandardCharsets.US_ASCII);
        }
        return JSON.readTree(event).path("data").path("ticketId").asText(); // another layout: parse it
    }

    private static void sample(Histogram h, long nanos, AtomicInteger count) {
        synchronized (h) {
            h.recordValue(Math.max(0, nanos / 1000));
        }
        count.incrementAndGet();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
