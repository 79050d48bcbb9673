package com.logishift.support.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Scenario 4: the time from a ticket's creation to the matching notification on an open live
 * stream. Opens the admin's stream through the gateway (a one-time stream ticket, as a browser's
 * EventSource does), then creates tickets as many customers at a fixed rate (open model: the n-th
 * request is due at start + n/rate, and every latency is measured from that intended time, so a
 * stalled send or a slow answer is charged in full). Admins are notified of every created ticket.
 *
 * <p>Usage: EventLatency GATEWAY_URL TOKEN_DIR RATE SECONDS DRAIN_SECONDS OUT.json
 */
public final class EventLatency {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_MS = 5000;

    /** What is known about one ticket: when it was due, and (once seen) when its notification came. */
    private static final class Probe {
        final long intendedNanos;
        volatile long notifiedNanos;

        Probe(long intendedNanos) {
            this.intendedNanos = intendedNanos;
        }
    }

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        Path tokenDir = Path.of(args[1]);
        double rate = Double.parseDouble(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int drainSeconds = Integer.parseInt(args[4]);
        Path out = Path.of(args[5]);
        List<String> customers = Files.readAllLines(tokenDir.resolve("customers.txt")).stream()
                .filter(s -> !s.isBlank()).toList();
        String admin = Files.readAllLines(tokenDir.resolve("admins.txt")).get(0).trim();
        long cpu0 = cpuNanos();

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(2)).build();

        // ticket id -> probe; notifications that arrive before the create answer wait in `early`
        Map<String, Probe> byTicket = new ConcurrentHashMap<>();
        Map<String, Long> early = new ConcurrentHashMap<>();
        Histogram notifyLatency = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
        Histogram createLatency = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
        AtomicInteger created = new AtomicInteger();
        AtomicInteger createErrors = new AtomicInteger();
        AtomicInteger notified = new AtomicInteger();
        AtomicInteger otherEvents = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(1);

        // 1. the live stream
        JsonNode streamTicket = JSON.readTree(http.send(HttpRequest.newBuilder(
                        URI.create(gateway + "/api/notifications/stream-ticket/"))
                .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body());
        HttpRequest streamRequest = HttpRequest.newBuilder(URI.create(gateway + "/api/notifications/stream/?ticket="
                        + streamTicket.get("ticket").asText()))
                .header("Accept", "text/event-stream").GET().build();
        http.sendAsync(streamRequest, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            if (response.statusCode() != 200) {
                System.err.println("stream: HTTP " + response.statusCode());
                return;
            }
            String[] event = {null};
            response.body().forEach(line -> {
                long now = System.nanoTime();
                if (line.startsWith("event:")) {
                    event[0] = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    if ("ready".equals(event[0])) {
                        ready.countDown();
                    } else if ("notification".equals(event[0])) {
                        try {
                            JsonNode n = JSON.readTree(line.substring(5).trim());
                            String type = n.path("type").asText();
                            if (!type.contains("ticket.created")) {
                                otherEvents.incrementAndGet();
                                return;
                            }
                            String ticketId = n.path("ticketId").asText();
                            Probe p = byTicket.get(ticketId);
                            if (p == null) {
                                early.put(ticketId, now);
                            } else {
                                record(p, now, notifyLatency, notified);
                            }
                        } catch (Exception e) {
                            System.err.println("stream: unreadable event " + line);
                        }
                    }
                } else if (line.isEmpty()) {
                    event[0] = null;
                }
            });
        });
        if (!ready.await(15, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the live stream did not open within 15 s");
        }

        // 2. tickets at a fixed rate
        long intervalNanos = (long) (1e9 / rate);
        int total = (int) Math.round(rate * seconds);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest create = HttpRequest.newBuilder(URI.create(gateway + "/api/support/tickets/create/"))
                    .header("Authorization", "Bearer " + customers.get(i % customers.size()))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofMillis(TIMEOUT_MS))
                    .POST(HttpRequest.BodyPublishers.ofString(RateSimulation.createBody())).build();
            http.sendAsync(create, HttpResponse.BodyHandlers.ofString()).whenComplete((r, failure) -> {
                long now = System.nanoTime();
                if (failure != null || r.statusCode() != 201) {
                    createErrors.incrementAndGet();
                    return;
                }
                synchronized (createLatency) {
                    createLatency.recordValue(Math.max(0, (now - due) / 1000));
                }
                created.incrementAndGet();
                try {
                    String id = JSON.readTree(r.body()).get("id").asText();
                    Probe p = new Probe(due);
                    byTicket.put(id, p);
                    Long seen = early.remove(id);
                    if (seen != null) {
                        record(p, seen, notifyLatency, notified);
                    }
                } catch (Exception e) {
                    createErrors.incrementAndGet();
                }
            });
        }
        long sendEnd = System.nanoTime();
        // 3. wait for the stragglers (answers within the timeout, notifications within the drain time)
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
        while (System.nanoTime() < drainUntil && notified.get() + createErrors.get() < total) {
            Thread.sleep(100);
        }
        double cpu = (cpuNanos() - cpu0) / 1e9;
        int missing = created.get() - notified.get();

        ObjectNode result = JSON.createObjectNode();
        result.put("offeredRate", rate);
        result.put("seconds", seconds);
        result.put("sent", total);
        result.put("achievedSendRate", total / ((sendEnd - start) / 1e9));
        result.put("created", created.get());
        result.put("createErrors", createErrors.get());
        result.put("notified", notified.get());
        result.put("missingNotifications", missing);
        result.put("otherNotificationsSeen", otherEvents.get());
        result.put("drainSeconds", drainSeconds);
        result.set("createToNotification", percentiles(notifyLatency));
        result.set("createResponse", percentiles(createLatency));
        result.put("clientCpuSeconds", cpu);
        Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        System.out.println(JSON.writeValueAsString(result));
        System.exit(0); // the stream never ends by itself
    }

    private static void record(Probe p, long notifiedNanos, Histogram h, AtomicInteger count) {
        if (p.notifiedNanos != 0) {
            return; // at-least-once: a duplicate is not a second sample
        }
        p.notifiedNanos = notifiedNanos;
        synchronized (h) {
            h.recordValue(Math.max(0, (notifiedNanos - p.intendedNanos) / 1000));
        }
        count.incrementAndGet();
    }

    static ObjectNode percentiles(Histogram h) {
        ObjectNode n = JSON.createObjectNode();
        synchronized (h) {
            n.put("count", h.getTotalCount());
            n.put("p50", h.getValueAtPercentile(50) / 1000.0);
            n.put("p90", h.getValueAtPercentile(90) / 1000.0);
            n.put("p99", h.getValueAtPercentile(99) / 1000.0);
            n.put("max", h.getMaxValue() / 1000.0);
        }
        return n;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
