package com.logishift.support.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-model, constant-rate load: each step injects new virtual users at a fixed rate, each sending
 * exactly one request, whether or not earlier requests have been answered (so a slow answer never
 * delays the next send: no coordinated omission). Steps run one after the other.
 *
 * <p>The plan file (-Dbench.plan) has one step per line:
 * {@code name method url tokens rate-per-second seconds [feed]}, where tokens names a file in
 * -Dbench.tokens (customers, agents, admins; one bearer token a line, used round-robin), POST
 * means "create a ticket" with a fresh body and POSTMSG "post a public reply" with a fresh body.
 * The optional feed names another file there with one ticket id a line (round-robin), which the
 * url uses as {@code #{ticket}}. Answers must be 201 (POST, POSTMSG) or 200 (GET); anything else,
 * and no answer within gatling.http.requestTimeout, is an error. A step with method PAUSE sends nothing
 * for its seconds ({@code name PAUSE - - 0 seconds}), so one step's after-effects (a consumer catching
 * up, a checkpoint) settle before the next is measured.
 */
public class RateSimulation extends Simulation {

    private static final String[] CATEGORIES = {"DAMAGED", "LOST", "LATE", "QUALITY", "OTHER"};
    private static final AtomicLong SEQUENCE = new AtomicLong();

    record Step(String name, String method, String url, String tokens, double rate, int seconds, String feed) {
    }

    private final long cpuAtStart = cpuNanos();
    private final long wallAtStart = System.nanoTime();

    {
        Path plan = Path.of(System.getProperty("bench.plan"));
        Path tokenDir = Path.of(System.getProperty("bench.tokens"));
        List<Step> steps = new ArrayList<>();
        for (String line : lines(plan)) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 6 || f[0].startsWith("#")) {
                continue;
            }
            steps.add(new Step(f[0], f[1], f[2], f[3], Double.parseDouble(f[4]), Integer.parseInt(f[5]),
                    f.length > 6 ? f[6] : null));
        }
        HttpProtocolBuilder protocol = http
                .shareConnections() // a pool of keep-alive connections, like a browser fleet behind a proxy
                .acceptHeader("application/json")
                .disableCaching()
                .disableWarmUp()
                .userAgentHeader("logishift-bench");
        PopulationBuilder chain = null;
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step step = steps.get(i);
            if (step.method().equals("PAUSE")) {
                PopulationBuilder pause = scenario(step.name()).pause(Duration.ofSeconds(step.seconds()))
                        .injectOpen(atOnceUsers(1));
                chain = chain == null ? pause : pause.andThen(chain);
                continue;
            }
            List<String> tokens = lines(tokenDir.resolve(step.tokens() + ".txt"));
            Iterator<Map<String, Object>> feeder = roundRobin("token", tokens);
            HttpRequestActionBuilder request;
            if (step.method().equals("POST")) {
                request = http(step.name()).post(step.url())
                        .header("Content-Type", "application/json")
                        .body(StringBody(session -> createBody()))
                        .check(status().is(201));
            } else if (step.method().equals("POSTMSG")) {
                request = http(step.name()).post(step.url())
                        .header("Content-Type", "application/json")
                        .body(StringBody(session -> messageBody()))
                        .check(status().is(201));
            } else {
                request = http(step.name()).get(step.url()).check(status().is(200));
                if (step.url().contains(".csv")) {
                    request = request.header("Accept", "text/csv"); // the export answers 406 to JSON-only clients
                }
            }
            ScenarioBuilder scenario = scenario(step.name()).feed(feeder);
            if (step.feed() != null) {
                scenario = scenario.feed(roundRobin("ticket", lines(tokenDir.resolve(step.feed() + ".txt"))));
            }
            scenario = scenario.exec(request.header("Authorization", "Bearer #{token}"));
            PopulationBuilder population = scenario.injectOpen(
                    constantUsersPerSec(step.rate()).during(Duration.ofSeconds(step.seconds())));
            chain = chain == null ? population : population.andThen(chain);
        }
        setUp(chain).protocols(protocol);
    }

    @Override
    public void after() {
        double cpu = (cpuNanos() - cpuAtStart) / 1e9;
        double wall = (System.nanoTime() - wallAtStart) / 1e9;
        String out = System.getProperty("bench.cpu-out");
        String json = String.format(java.util.Locale.ROOT, "{\"cpuSeconds\":%.2f,\"wallSeconds\":%.2f}%n", cpu, wall);
        if (out != null) {
            try {
                Files.writeString(Path.of(out), json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String createBody() {
        long n = SEQUENCE.incrementAndGet();
        return "{\"subject\":\"Bench parcel problem " + n + "\",\"category\":\"" + CATEGORIES[(int) (n % 5)]
                + "\",\"description\":\"Load test ticket " + n + ": the parcel arrived late and the box was dented.\","
                + "\"deliveryId\":\"DLV-" + (100000 + n % 900000) + "\"}";
    }

    static String messageBody() {
        long n = SEQUENCE.incrementAndGet();
        return "{\"body\":\"Bench reply " + n + ": the carrier confirms the new delivery slot; the parcel "
                + "leaves the depot tomorrow morning.\",\"visibility\":\"PUBLIC\"}";
    }

    private static Iterator<Map<String, Object>> roundRobin(String key, List<String> tokens) {
        if (tokens.isEmpty()) {
            throw new IllegalStateException("no " + key + " values");
        }
        AtomicLong next = new AtomicLong();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                return Map.of(key, tokens.get((int) (next.getAndIncrement() % tokens.size())));
            }
        };
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
