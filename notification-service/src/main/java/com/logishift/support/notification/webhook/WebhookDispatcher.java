package com.logishift.support.notification.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Sends the queued deliveries. Each endpoint has a lane in this replica: at most
 * {@code max-in-flight-per-endpoint} attempts under way, and deliveries claimed ahead waiting for a
 * slot (at most {@code claim-ahead} held in all, or only the free slots while the endpoint is
 * failing). A delivery is held under a lease in the database: its due time pushed past the attempt
 * (a replica that dies leaves it due again). Fresh deliveries of healthy endpoints are queued
 * already leased and handed over here once their transaction committed ({@link #handOver}), so the
 * common case needs no claim; the rest (retries, redeliveries, endpoints that were full or failing,
 * leases that ran out) are claimed ({@code FOR UPDATE SKIP LOCKED}: replicas share the queue, each
 * delivery goes to one). A held delivery starts only while its lease still covers a whole attempt;
 * otherwise it is left to a later claim. Each attempt is non-blocking (Vert.x HTTP client with
 * keep-alive connections per endpoint; DNS on its own small pool, a URL's check reused for
 * {@code resolve-reuse}), so a hanging partner holds its own slots and nothing else. Claims run on a
 * timer, when an event queued deliveries that were not handed over, and when a lane that was full at
 * its last claim runs low. {@link WebhookAttempts} records each outcome.
 */
@Startup
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    /** A lease is the attempt's timeout plus this. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(60);
    /** A held delivery starts at most this long after its lease began: the attempt ends 10 s before the lease. */
    private static final long START_WITHIN_NANOS = LEASE_MARGIN.minusSeconds(10).toNanos();

    private final Pool pool;
    private final Vertx vertx;
    private final WebhookConfig config;
    private final Clock clock;
    private final Destinations destinations;
    private final ExecutorService dns;
    private final WebhookAttempts attempts;
    private final SecretBox box;
    /** This replica's lanes by endpoint (guarded by itself); a lane with nothing held is removed. */
    private final Map<UUID, Lane> lanes = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped;
    private volatile boolean claimFailing;
    private HttpClient client;
    private long timer = -1;

    /** One endpoint's deliveries in this replica: those under way and those waiting for a slot. */
    private static final class Lane {
        int inFlight;
        final ArrayDeque<Held> waiting = new ArrayDeque<>();
        /** Its last claim filled its room: more may be due, so it claims again when it runs low. */
        boolean backlogged;
        /** Its endpoint was failing when its last delivery was claimed: it claims only its free slots. */
        boolean failing;

        int held() {
            return inFlight + waiting.size();
        }
    }

    /** A delivery leased to this replica at {@code leasedAt} (System.nanoTime). */
    private record Held(WebhookAttempts.Claimed delivery, long leasedAt) {
    }

    public WebhookDispatcher(Pool pool, Vertx vertx, WebhookConfig config, Clock clock, Destinations destinations,
            @WebhookProducers.Dns ExecutorService dns, WebhookAttempts attempts, SecretBox box) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
        this.clock = clock;
        this.destinations = destinations;
        this.dns = dns;
        this.attempts = attempts;
        this.box = box;
    }

    void start(@Observes StartupEvent start) {
        int timeout = (int) config.timeout().toMillis();
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(timeout)
                .setIdleTimeout(timeout).setIdleTimeoutUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
                .setMaxPoolSize(config.maxInFlightPerEndpoint())
                .setVerifyHost(true)
                .setKeepAlive(true)
                // a partner is outside: it gets no traceparent (our trace ids), and no client span is made per attempt
                .setTracingPolicy(TracingPolicy.IGNORE));
        timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> wake());
    }

    void stop(@Observes ShutdownEvent stop) {
        stopped = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (client != null) {
            client.close();
        }
    }

    /** Claims and starts the due deliveries now (a run under way goes again when it ends). */
    public void wake() {
        again.set(true);
        if (!stopped && running.compareAndSet(false, true)) {
            run();
        }
    }

    /** The lease a delivery held from {@code now} gets: past a whole attempt. */
    Instant leaseUntil(Instant now) {
        return now.plus(config.timeout()).plus(LEASE_MARGIN);
    }

    /** Endpoints whose lanes hold {@code claim-ahead} deliveries: their fresh deliveries are queued due, not leased. */
    List<UUID> full() {
        List<UUID> full = new ArrayList<>();
        synchronized (lanes) {
            lanes.forEach((endpoint, lane) -> {
                if (lane.held() >= config.claimAhead()) {
                    full.add(endpoint);
                }
            });
        }
        return full;
    }

    /** Deliveries queued already leased to this replica (at {@code leasedAt}), their transaction committed: sent from here. */
    void handOver(List<WebhookAttempts.Claimed> deliveries, long leasedAt) {
        Set<UUID> endpoints = new LinkedHashSet<>();
        synchronized (lanes) {
            for (WebhookAttempts.Claimed delivery : deliveries) {
                Lane lane = lanes.computeIfAbsent(delivery.endpointId(), id -> new Lane());
                lane.failing = false; // only a healthy endpoint's deliveries are queued leased
                lane.waiting.add(new Held(delivery, leasedAt));
                endpoints.add(delivery.endpointId());
            }
        }
        endpoints.forEach(this::pump);
    }

    private void run() {
        again.set(false);
        claim().subscribe().with(claimed -> {
            claimFailing = false;
            claimed.forEach(this::pump);
            finishRun();
        }, failure -> {
            // once per outage, not once per poll: the database being away is logged elsewhere too
            if (!claimFailing) {
                LOG.warnf("Claiming webhook deliveries failed (retried on every run until it works): %s", failure.getMessage());
            }
            claimFailing = true;
            running.set(false);
        });
    }

    private void finishRun() {
        running.set(false);
        if (again.get()) {
            wake();
        }
    }

    /**
     * The due deliveries, at most each endpoint's room (claim-ahead, or the free slots while it is
     * failing), leased past an attempt and put in their lanes; answers the endpoints that got some.
     */
    private Uni<Set<UUID>> claim() {
        List<UUID> busy = new ArrayList<>();
        List<Integer> free = new ArrayList<>();
        List<Integer> room = new ArrayList<>();
        List<Integer> limits = new ArrayList<>();
        synchronized (lanes) {
            lanes.forEach((endpoint, lane) -> {
                busy.add(endpoint);
                free.add(Math.max(0, config.maxInFlightPerEndpoint() - lane.held()));
                room.add(Math.max(0, config.claimAhead() - lane.held()));
                limits.add(lane.failing ? free.get(free.size() - 1) : room.get(room.size() - 1));
            });
        }
        Instant now = clock.instant();
        long leasedAt = System.nanoTime();
        return pool.preparedQuery("""
                        WITH picked AS (
                            SELECT d.id
                              FROM webhook_endpoint e
                              LEFT JOIN unnest($1::uuid[], $2::int[], $3::int[]) AS busy (endpoint_id, free, room)
                                     ON busy.endpoint_id = e.id
                             CROSS JOIN LATERAL (
                                   SELECT w.id FROM webhook_delivery w
                                    WHERE w.endpoint_id = e.id AND w.status = 'PENDING' AND w.next_attempt_at <= $4
                                    ORDER BY w.next_attempt_at, w.seq
                                    LIMIT CASE WHEN e.failing_since IS NULL THEN COALESCE(busy.room, $5)
                                               ELSE COALESCE(busy.free, $6) END
                                    FOR UPDATE OF w SKIP LOCKED) d
                             WHERE e.enabled)
                        UPDATE webhook_delivery w SET next_attempt_at = $7
                          FROM picked, webhook_endpoint e
                         WHERE w.id = picked.id AND e.id = w.endpoint_id
                        RETURNING w.id, w.seq, w.endpoint_id, w.attempts, w.payload, w.created_at, e.url, e.secret,
                                  e.previous_secret, e.previous_secret_until, e.failing_since IS NOT NULL AS failing""")
                .execute(Tuple.tuple().addArrayOfUUID(busy.toArray(UUID[]::new))
                        .addArrayOfInteger(free.toArray(Integer[]::new)).addArrayOfInteger(room.toArray(Integer[]::new))
                        .addOffsetDateTime(utc(now)).addInteger(config.claimAhead())
                        .addInteger(config.maxInFlightPerEndpoint()).addOffsetDateTime(utc(leaseUntil(now))))
                .map(rows -> {
                    List<Row> oldestFirst = new ArrayList<>();
                    rows.forEach(oldestFirst::add);
                    oldestFirst.sort(Comparator.comparingLong(row -> row.getLong("seq")));
                    Map<UUID, Integer> counts = new LinkedHashMap<>();
                    synchronized (lanes) {
                        for (Row row : oldestFirst) {
                            WebhookAttempts.Claimed c = claimed(row, row.getInteger("attempts"), row.getString("payload"),
                                    row.getOffsetDateTime("created_at").toInstant(), row.getBoolean("failing"), now);
                            Lane lane = lanes.computeIfAbsent(row.getUUID("endpoint_id"), id -> new Lane());
                            lane.failing = row.getBoolean("failing");
                            if (c != null) { // else logged; its lease runs out and it is tried again (after the key is fixed)
                                lane.waiting.add(new Held(c, leasedAt));
                            }
                            counts.merge(row.getUUID("endpoint_id"), 1, Integer::sum);
                        }
                        // a lane that got all its limit allowed may have more due: it claims again when it runs low
                        Map<UUID, Integer> limitOf = new HashMap<>();
                        for (int i = 0; i < busy.size(); i++) {
                            limitOf.put(busy.get(i), limits.get(i));
                        }
                        lanes.forEach((endpoint, lane) -> {
                            Integer limit = limitOf.get(endpoint);
                            int count = counts.getOrDefault(endpoint, 0);
                            if (limit == null && count > 0) {
                                limit = lane.failing ? config.maxInFlightPerEndpoint() : config.claimAhead();
                            }
                            if (limit != null) { // else a lane handed over meanwhile: left as it is
                                lane.backlogged = count >= limit;
                            }
                        });
                    }
                    return counts.keySet();
                });
    }

    /**
     * A delivery row (with its endpoint's url and secrets) as an attempt needs it; null when its
     * secret cannot be read (logged). Signing uses the current secret, and the previous one during
     * the overlap.
     */
    WebhookAttempts.Claimed claimed(Row row, int attempts, String payload, Instant createdAt, boolean failing, Instant now) {
        UUID endpoint = row.getUUID("endpoint_id");
        List<String> secrets;
        try {
            secrets = new ArrayList<>(2);
            secrets.add(box.open(endpoint, row.getString("secret")));
            OffsetDateTime until = row.getOffsetDateTime("previous_secret_until");
            if (row.getString("previous_secret") != null && until != null && until.toInstant().isAfter(now)) {
                secrets.add(box.open(endpoint, row.getString("previous_secret")));
            }
        } catch (SecretBox.Unreadable e) {
            LOG.errorf("Webhook delivery %s not sent: %s", row.getUUID("id"), e.getMessage());
            return null;
        }
        return new WebhookAttempts.Claimed(row.getUUID("id"), endpoint, attempts, payload, createdAt, row.getString("url"),
                secrets, failing);
    }

    /**
     * Starts what the endpoint's free slots allow, oldest first; a held delivery whose lease no longer
     * covers an attempt is dropped (due again when the lease ends). Claims again when the lane, full at
     * its last claim, runs low.
     */
    private void pump(UUID endpoint) {
        List<WebhookAttempts.Claimed> start = new ArrayList<>();
        boolean claimMore = false;
        synchronized (lanes) {
            Lane lane = lanes.get(endpoint);
            if (lane == null || stopped) {
                return;
            }
            long now = System.nanoTime();
            while (lane.inFlight < config.maxInFlightPerEndpoint() && !lane.waiting.isEmpty()) {
                Held next = lane.waiting.poll();
                if (now - next.leasedAt() <= START_WITHIN_NANOS) {
                    lane.inFlight++;
                    start.add(next.delivery());
                }
            }
            if (lane.backlogged && lane.waiting.size() <= config.claimAhead() / 2) {
                lane.backlogged = false;
                claimMore = true;
            }
            if (lane.held() == 0 && !lane.backlogged) {
                lanes.remove(endpoint);
            }
        }
        start.forEach(this::attempt);
        if (claimMore) {
            wake();
        }
    }

    private void attempt(WebhookAttempts.Claimed delivery) {
        Instant started = clock.instant();
        long begin = System.nanoTime();
        Destinations.Target recent = destinations.recent(delivery.url());
        (recent != null ? Uni.createFrom().item(recent)
                : Uni.createFrom().item(() -> destinations.resolve(delivery.url())).runSubscriptionOn(dns))
                .flatMap(target -> send(target, delivery, begin))
                .onFailure(Destinations.Refused.class).recoverWithItem(refused ->
                        WebhookAttempts.Outcome.failed(0, "refused: " + refused.getMessage(), null, null, begin))
                // the partner's slot is free once it answered; until the outcome is recorded the lease keeps
                // the delivery from being claimed again
                .onItemOrFailure().invoke((outcome, failure) -> release(delivery))
                .flatMap(outcome -> attempts.record(delivery, started, outcome))
                .subscribe().with(ignored -> { }, failure ->
                        // the lease runs out and the delivery is attempted again: at least once, never lost
                        LOG.warnf("Recording webhook delivery %s failed: %s", delivery.id(), failure.getMessage()));
    }

    /** The partner answered (or not in time): its slot is free for the next held delivery. */
    private void release(WebhookAttempts.Claimed delivery) {
        synchronized (lanes) {
            Lane lane = lanes.get(delivery.endpointId());
            if (lane != null) {
                lane.inFlight--;
            }
        }
        pump(delivery.endpointId());
    }

    /** One POST, signed now; answers the outcome (never fails). */
    private Uni<WebhookAttempts.Outcome> send(Destinations.Target target, WebhookAttempts.Claimed delivery, long begin) {
        long timestamp = clock.instant().getEpochSecond();
        String webhookId = delivery.id().toString();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                // connect to the address just checked, not to whatever the name resolves to next
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setHost(target.host()).setPort(target.port()).setSsl(target.https()).setURI(target.pathAndQuery())
                .setFollowRedirects(false)
                .putHeader("content-type", "application/cloudevents+json; charset=utf-8")
                .putHeader("user-agent", "logiShift-Support-Webhooks/1")
                .putHeader("webhook-id", webhookId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", Signatures.header(delivery.secrets(), webhookId, timestamp, delivery.payload()));
        int limit = config.responseExcerptBytes();
        return Uni.createFrom().emitter(emitter -> {
            AtomicBoolean done = new AtomicBoolean();
            HttpClientRequest[] request = new HttpClientRequest[1];
            long deadline = vertx.setTimer(config.timeout().toMillis(), id -> {
                if (done.compareAndSet(false, true)) {
                    if (request[0] != null) {
                        request[0].reset();
                    }
                    emitter.complete(WebhookAttempts.Outcome.failed(0, "timed out after "
                            + config.timeout().toSeconds() + " s", null, null, begin));
                }
            });
            java.util.function.Consumer<WebhookAttempts.Outcome> finish = outcome -> {
                if (done.compareAndSet(false, true)) {
                    vertx.cancelTimer(deadline);
                    emitter.complete(outcome);
                }
            };
            client.request(options).onComplete(opened -> {
                if (opened.failed()) {
                    finish.accept(WebhookAttempts.Outcome.failed(0, describe(opened.cause()), null, null, begin));
                    return;
                }
                request[0] = opened.result();
                request[0].send(Buffer.buffer(delivery.payload().getBytes(StandardCharsets.UTF_8))).onComplete(answered -> {
                    if (answered.failed()) {
                        finish.accept(WebhookAttempts.Outcome.failed(0, describe(answered.cause()), null, null, begin));
                        return;
                    }
                    HttpClientResponse response = answered.result();
                    Buffer excerpt = Buffer.buffer();
                    String retryAfter = response.getHeader("retry-after");
                    java.util.function.Supplier<WebhookAttempts.Outcome> outcome = () -> WebhookAttempts.Outcome.answered(
                            response.statusCode(), excerpt.toString(StandardCharsets.UTF_8), retryAfter, begin);
                    response.handler(chunk -> {
                        excerpt.appendBuffer(chunk, 0, Math.min(chunk.length(), limit - excerpt.length()));
                        if (excerpt.length() >= limit) {
                            finish.accept(outcome.get());
                            request[0].reset(); // the rest is never read
                        }
                    });
                    response.endHandler(ignored -> finish.accept(outcome.get()));
                    response.exceptionHandler(ignored -> finish.accept(outcome.get()));
                });
            });
        });
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
