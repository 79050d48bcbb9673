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
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Sends the queued deliveries. A run claims the due deliveries of every enabled endpoint, at most
 * {@code max-in-flight-per-endpoint} per endpoint minus those this replica already has under way to
 * it ({@code FOR UPDATE SKIP LOCKED}: replicas share the queue, each delivery goes to one), by
 * pushing their due time past the attempt (a lease: a replica that dies mid-attempt leaves it due
 * again). Each attempt is non-blocking (Vert.x HTTP client; DNS on its own small pool, a URL's check
 * reused for {@code resolve-reuse}), so a
 * hanging partner holds its own slots and nothing else. Runs on a timer, when an event queued
 * deliveries and whenever an attempt frees a slot. {@link WebhookAttempts} records each outcome.
 */
@Startup
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final Pool pool;
    private final Vertx vertx;
    private final WebhookConfig config;
    private final Clock clock;
    private final Destinations destinations;
    private final ExecutorService dns;
    private final WebhookAttempts attempts;
    private final SecretBox box;
    private final Map<UUID, Integer> inFlight = new ConcurrentHashMap<>();
    /** Endpoints whose last claim filled every free slot: more may be due, so a finished attempt claims again. */
    private final Set<UUID> backlogged = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped;
    private volatile boolean claimFailing;
    private HttpClient client;
    private long timer = -1;

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
                .setKeepAlive(true));
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

    private void run() {
        again.set(false);
        claim().subscribe().with(claimed -> {
            claimFailing = false;
            claimed.forEach(this::attempt);
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

    /** The due deliveries, at most the free slots per endpoint, leased past the attempt's timeout. */
    private Uni<List<WebhookAttempts.Claimed>> claim() {
        List<UUID> busy = new ArrayList<>();
        List<Integer> free = new ArrayList<>();
        inFlight.forEach((endpoint, count) -> {
            busy.add(endpoint);
            free.add(Math.max(0, config.maxInFlightPerEndpoint() - count));
        });
        Instant now = clock.instant();
        return pool.preparedQuery("""
                        WITH picked AS (
                            SELECT d.id
                              FROM webhook_endpoint e
                              LEFT JOIN unnest($1::uuid[], $2::int[]) AS busy (endpoint_id, free) ON busy.endpoint_id = e.id
                             CROSS JOIN LATERAL (
                                   SELECT w.id FROM webhook_delivery w
                                    WHERE w.endpoint_id = e.id AND w.status = 'PENDING' AND w.next_attempt_at <= $3
                                    ORDER BY w.next_attempt_at, w.seq
                                    LIMIT COALESCE(busy.free, $4)
                                    FOR UPDATE OF w SKIP LOCKED) d
                             WHERE e.enabled)
                        UPDATE webhook_delivery w SET next_attempt_at = $5
                          FROM picked, webhook_endpoint e
                         WHERE w.id = picked.id AND e.id = w.endpoint_id
                        RETURNING w.id, w.endpoint_id, w.attempts, w.payload, w.created_at, e.url, e.secret,
                                  e.previous_secret, e.previous_secret_until, e.failing_since IS NOT NULL AS failing""")
                .execute(Tuple.tuple().addArrayOfUUID(busy.toArray(UUID[]::new))
                        .addArrayOfInteger(free.toArray(Integer[]::new)).addOffsetDateTime(utc(now))
                        .addInteger(config.maxInFlightPerEndpoint())
                        .addOffsetDateTime(utc(now.plus(config.timeout()).plusSeconds(60))))
                .map(rows -> {
                    List<WebhookAttempts.Claimed> claimed = new ArrayList<>();
                    Map<UUID, Integer> perEndpoint = new HashMap<>();
                    for (Row row : rows) {
                        List<String> secrets = secrets(row, now);
                        if (secrets == null) {
                            continue; // logged; its lease runs out and it is tried again (after the key is fixed)
                        }
                        WebhookAttempts.Claimed c = new WebhookAttempts.Claimed(row.getUUID("id"),
                                row.getUUID("endpoint_id"), row.getInteger("attempts"), row.getString("payload"),
                                row.getOffsetDateTime("created_at").toInstant(), row.getString("url"), secrets,
                                row.getBoolean("failing"));
                        inFlight.merge(c.endpointId(), 1, Integer::sum);
                        perEndpoint.merge(c.endpointId(), 1, Integer::sum);
                        claimed.add(c);
                    }
                    backlogged.clear();
                    perEndpoint.forEach((endpoint, count) -> {
                        if (inFlight.getOrDefault(endpoint, 0) >= config.maxInFlightPerEndpoint()) {
                            backlogged.add(endpoint);
                        }
                    });
                    return claimed;
                });
    }

    /** The secrets that sign: the current one, and the previous one during the overlap; null when unreadable. */
    private List<String> secrets(Row row, Instant now) {
        UUID endpoint = row.getUUID("endpoint_id");
        try {
            List<String> secrets = new ArrayList<>(List.of(box.open(endpoint, row.getString("secret"))));
            OffsetDateTime until = row.getOffsetDateTime("previous_secret_until");
            if (row.getString("previous_secret") != null && until != null && until.toInstant().isAfter(now)) {
                secrets.add(box.open(endpoint, row.getString("previous_secret")));
            }
            return secrets;
        } catch (SecretBox.Unreadable e) {
            LOG.errorf("Webhook delivery %s not sent: %s", row.getUUID("id"), e.getMessage());
            return null;
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

    private void release(WebhookAttempts.Claimed delivery) {
        inFlight.computeIfPresent(delivery.endpointId(), (id, count) -> count <= 1 ? null : count - 1);
        if (backlogged.contains(delivery.endpointId())) {
            wake(); // a slot is free and more may be waiting: that endpoint's backlog goes on at once
        }
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
