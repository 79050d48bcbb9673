package com.logishift.support.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Above capacity: ticket creations through the gateway at RATE per second (twice the measured
 * saturation) for SECONDS, then at RECOVERY_RATE (within capacity) for RECOVERY_SECONDS, open model.
 * The goal: every answer within 2 s, either served (201) or shed (503 with Retry-After), and the
 * full rate served again within 5 s after the overload ends. Per request it keeps the phase, when it
 * was due, how long the answer took and what it was; a client timeout (10 s) or a broken connection
 * counts as "no answer".
 *
 * <p>The recovery phase starts right after the overload's last send. Recovery is measured in whole
 * seconds from then: the first second from which every request of the recovery phase was served
 * (201) within 2 s.
 *
 * <p>Usage: Overload GATEWAY_URL TOKEN_DIR RATE SECONDS RECOVERY_RATE RECOVERY_SECONDS OUT.json
 */
public final class Overload {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long ANSWER_GOAL_MS = 2000;

    /** One phase's tallies; every field is written by the HTTP client's threads. */
    private static final class Phase {
        final double rate;
        final int seconds;
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger shedWithRetryAfter = new AtomicInteger();
        final AtomicInteger shedWithoutRetryAfter = new AtomicInteger();
        final AtomicInteger otherStatus = new AtomicInteger();
        final AtomicInteger noAnswer = new AtomicInteger();
        final AtomicInteger slowerThanGoal = new AtomicInteger();
        final Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        final java.util.Map<Integer, AtomicInteger> byStatus = new java.util.concurrent.ConcurrentSkipListMap<>();
        /** Per second of the phase: the last failed or slow request's second (recovery reads it). */
        final boolean[] secondFailed;

        Phase(double rate, int seconds) {
            this.rate = rate;
            this.seconds = seconds;
            this.secondFailed = new boolean[seconds + 1];
        }

        void record(int second, long micros, int status, boolean retryAfter) {
            boolean ok = status == 201 && micros <= ANSWER_GOAL_MS * 1000;
            byStatus.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
            if (status == 201) {
                created.incrementAndGet();
            } else if (status == 503) {
                (retryAfter ? shedWithRetryAfter : shedWithoutRetryAfter).incrementAndGet();
            } else if (status == 0) {
                noAnswer.incrementAndGet();
            } else {
                otherStatus.incrementAndGet();
            }
            if (status != 0 && micros > ANSWER_GOAL_MS * 1000) {
                slowerThanGoal.incrementAndGet();
            }
            synchronized (this) {
                if (status != 0) {
                    latency.recordValue(Math.min(micros, latency.getHighestTrackableValue()));
                }
                if (!ok) {
                    secondFailed[Math.min(second, seconds)] = true;
                }
            }
        }

        ObjectNode json() {
            ObjectNode n = JSON.createObjectNode();
            n.put("offeredRate", rate);
            n.put("seconds", seconds);
            n.put("requests", Math.round(rate * seconds));
            n.put("created", created.get());
            n.put("shedWithRetryAfter", shedWithRetryAfter.get());
            n.put("shedWithoutRetryAfter", shedWithoutRetryAfter.get());
            n.put("otherStatus", otherStatus.get());
            n.put("noAnswer", noAnswer.get());
            n.put("answeredSlowerThan2s", slowerThanGoal.get());
            ObjectNode statuses = n.putObject("byStatus"); // 0: no answer
            byStatus.forEach((status, count) -> statuses.put(String.valueOf(status), count.get()));
            synchronized (this) {
                n.set("latency", EventLatency.percentiles(latency));
            }
            return n;
        }

        /** Seconds after the phase began until every later request was served in time; -1: never. */
        synchronized int recoverySeconds() {
            int last = -1;
            for (int s = 0; s < seconds; s++) {
                if (secondFailed[s]) {
                    last = s;
                }
            }
            return last + 1 >= seconds ? -1 : last + 1;
        }
    }

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        Path tokens = Path.of(args[1]);
        Phase overload = new Phase(Double.parseDouble(args[2]), Integer.parseInt(args[3]));
        Phase recovery = new Phase(Double.parseDouble(args[4]), Integer.parseInt(args[5]));
        Path out = Path.of(args[6]);
        List<String> customers = Files.readAllLines(tokens.resolve("customers.txt")).stream()
                .filter(s -> !s.isBlank()).toList();
        // HTTP/1.1 like the bench's other clients (the gateway does not speak h2c)
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        AtomicInteger next = new AtomicInteger();
        // recovery starts right after the overload's last send, not after its last answer
        CountDownLatch overloadAnswered = send(http, gateway, customers, overload, next);
        CountDownLatch recoveryAnswered = send(http, gateway, customers, recovery, next);
        overloadAnswered.await(30, TimeUnit.SECONDS);
        recoveryAnswered.await(30, TimeUnit.SECONDS);

        ObjectNode result = JSON.createObjectNode();
        result.set("overload", overload.json());
        ObjectNode rec = recovery.json();
        rec.put("secondsToFullRate", recovery.recoverySeconds());
        result.set("recovery", rec);
        Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        System.out.println(JSON.writeValueAsString(result));
        System.exit(0);
    }

    /** One phase at its rate; returns after its last send, with a latch for its last answer. */
    private static CountDownLatch send(HttpClient http, String gateway, List<String> customers, Phase phase, AtomicInteger next)
            throws InterruptedException {
        int total = (int) Math.round(phase.rate * phase.seconds);
        long period = (long) (1e9 / phase.rate);
        long start = System.nanoTime();
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch answered = new CountDownLatch(total);
        CountDownLatch allSent = new CountDownLatch(total);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        clock.scheduleAtFixedRate(() -> {
            int n = sent.getAndIncrement();
            if (n >= total) {
                return;
            }
            long due = start + n * period; // latency from when it was due: no coordinated omission
            int second = (int) ((due - start) / 1_000_000_000L);
            allSent.countDown();
            http.sendAsync(HttpRequest.newBuilder(URI.create(gateway + "/api/support/tickets/create/"))
                            .header("Authorization", "Bearer " + customers.get(next.getAndIncrement() % customers.size()))
                            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                            .POST(HttpRequest.BodyPublishers.ofString(RateSimulation.createBody())).build(),
                    HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, failure) -> {
                        long micros = (System.nanoTime() - due) / 1000;
                        if (failure != null) {
                            phase.record(second, micros, 0, false);
                        } else {
                            phase.record(second, micros, r.statusCode(), r.headers().firstValue("Retry-After").isPresent());
                        }
                        answered.countDown();
                    });
        }, 0, period, TimeUnit.NANOSECONDS);
        allSent.await(phase.seconds + 30L, TimeUnit.SECONDS);
        clock.shutdownNow();
        return answered;
    }
}
