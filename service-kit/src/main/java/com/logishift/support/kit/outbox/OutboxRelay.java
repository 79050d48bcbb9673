package com.logishift.support.kit.outbox;

import com.logishift.support.kit.tracing.Traces;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadataBuilder;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Moves events from the outbox table to Kafka: reads unpublished rows in commit order, sends them
 * as binary-mode CloudEvents keyed by aggregate id, waits for the broker's acknowledgement
 * ({@code acks=all}) and only then marks them published — so a Kafka outage delays events but
 * never loses them. A transaction-scoped advisory lock lets exactly one replica relay at a time,
 * which keeps each key's events in order even with several replicas running.
 *
 * <p>Woken only after a commit ({@link #inTransaction}, or {@link #wakeUpSoon} once a plain-SQL
 * transaction committed): woken earlier, it could look before the new rows are visible and leave
 * them to the next poll. Active where {@code support.outbox.enabled=true} (build time).
 */
@ApplicationScoped
@IfBuildProperty(name = "support.outbox.enabled", stringValue = "true")
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /**
     * Arbitrary constant naming this relay's advisory lock in the service's own database (whoever
     * holds it pauses the relay: tests do, to see events wait).
     */
    public static final long RELAY_LOCK_KEY = 0x0A6E7_0B0BL;
    private static final Duration CLEANUP_INTERVAL = Duration.ofHours(1);
    /** The channel the relay sends to; each service configures it ({@code mp.messaging.outgoing.outbox.*}). */
    public static final String CHANNEL = "outbox";

    private final Pool pool;
    private final Vertx vertx;
    private final Emitter<String> emitter;
    private final OutboxConfig config;
    private final URI source;
    private final Counter published;
    private final Counter failures;
    private final Tracer tracer;
    private final String topic;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    /** Set when a run was asked for while one was under way: that run may have read too early. */
    private final AtomicBoolean rerunRequested = new AtomicBoolean();
    private volatile boolean stopped;
    private volatile long lastCleanup;

    public OutboxRelay(Pool pool, Vertx vertx,
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
            Emitter<String> emitter,
            OutboxConfig config, MeterRegistry metrics, Tracer tracer,
            @ConfigProperty(name = "mp.messaging.outgoing." + CHANNEL + ".topic") String topic) {
        this.pool = pool;
        this.vertx = vertx;
        this.emitter = emitter;
        this.config = config;
        this.source = URI.create(config.source());
        this.published = metrics.counter("support.outbox.published", "topic", topic);
        this.failures = metrics.counter("support.outbox.failures", "topic", topic);
        this.tracer = tracer;
        this.topic = topic;
    }

    void onStart(@Observes StartupEvent start) {
        schedule(Duration.ZERO);
    }

    void onStop(@Observes ShutdownEvent stop) {
        stopped = true;
    }

    /**
     * Runs {@code work} in a Panache transaction and, once it committed, wakes the relay: the way
     * to append events with Hibernate Reactive.
     */
    public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Panache.withTransaction(work).invoke(this::wakeUpSoon);
    }

    /**
     * Asks for a run shortly; call it only after the transaction that appended events committed
     * (cheaper than waiting for the poll).
     */
    public void wakeUpSoon() {
        if (wakeRequested.compareAndSet(false, true)) {
            vertx.setTimer(Math.max(1, config.wakeDelay().toMillis()), id -> {
                wakeRequested.set(false);
                runAndReschedule();
            });
        }
    }

    private void schedule(Duration delay) {
        if (stopped) {
            return;
        }
        vertx.setTimer(Math.max(1, delay.toMillis()), id -> runAndReschedule());
    }

    private void runAndReschedule() {
        if (stopped) {
            return;
        }
        // Flag first, then try to run: a run under way may already have read the outbox before the
        // commit that asked for this one, so it must go again when it ends rather than leave the
        // new rows to the poll.
        rerunRequested.set(true);
        if (!running.compareAndSet(false, true)) {
            return; // the run under way sees the flag and reschedules itself at once
        }
        rerunRequested.set(false);
        relayBatch().subscribe().with(
                count -> {
                    running.set(false);
                    // asked for again meanwhile, or a full batch: more are waiting
                    boolean again = rerunRequested.getAndSet(false) || count >= config.batchSize();
                    schedule(again ? Duration.ZERO : config.pollInterval());
                    cleanUpOccasionally();
                },
                failure -> {
                    running.set(false);
                    failures.increment();
                    LOG.warnf("Outbox relay could not publish (will retry): %s", failure.getMessage());
                    schedule(config.pollInterval().multipliedBy(5));
                });
    }

    /**
     * Publishes one batch; returns how many events were published. Visible for tests. The batch's
     * commit does not wait for the WAL flush ({@code synchronous_commit} off for this transaction
     * only): a "published" mark lost in a crash only means the batch is sent again, which consumers
     * de-duplicate, and the writers' own commits do not queue behind these.
     */
    public Uni<Integer> relayBatch() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT pg_try_advisory_xact_lock($1) AS locked,"
                        + " set_config('synchronous_commit', 'off', true)")
                .execute(Tuple.of(RELAY_LOCK_KEY))
                .flatMap(rows -> rows.iterator().next().getBoolean("locked")
                        ? publishPending(connection)
                        : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishPending(SqlConnection connection) {
        return connection.preparedQuery("""
                        SELECT id, aggregate_id, event_type, payload, occurred_at, traceparent
                          FROM outbox_event
                         WHERE published_at IS NULL
                         ORDER BY seq
                         LIMIT $1""")
                .execute(Tuple.of(config.batchSize()))
                .flatMap(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    List<CompletableFuture<Void>> acks = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(row.getUUID("id"));
                        acks.add(send(row));
                    }
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    // every send must be acknowledged; on any failure the transaction rolls back and
                    // the whole batch is retried (consumers de-duplicate by CloudEvent id)
                    return Uni.createFrom().completionStage(
                                    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)))
                            .flatMap(ignored -> connection
                                    .preparedQuery("UPDATE outbox_event SET published_at = now() WHERE id = ANY($1)")
                                    .execute(Tuple.of(ids.toArray(UUID[]::new))))
                            .map(ignored -> {
                                published.increment(ids.size());
                                return ids.size();
                            });
                });
    }

    /**
     * One event, sent inside a PRODUCER span that continues the trace of the request that wrote it
     * (or starts one). That span's context travels as the CloudEvents extension {@code traceparent}
     * and as the plain {@code traceparent} header — the channel's own tracing is off
     * ({@code mp.messaging.outgoing.outbox.tracing-enabled=false}), so there is no second one.
     */
    private CompletableFuture<Void> send(Row row) {
        String id = row.getUUID("id").toString();
        String key = row.getString("aggregate_id");
        OffsetDateTime occurredAt = row.getOffsetDateTime("occurred_at");
        Span span = Traces.startKafkaSpan(tracer, SpanKind.PRODUCER, topic, id,
                Traces.fromTraceparent(row.getString("traceparent")));
        String traceparent = Traces.traceparentOf(span);
        OutgoingCloudEventMetadataBuilder<String> cloudEvent =
                OutgoingCloudEventMetadata.<String>builder()
                        .withId(id)
                        .withType(row.getString("event_type"))
                        .withSource(source)
                        .withSubject(key)
                        .withDataContentType("application/json")
                        .withTimestamp(occurredAt.atZoneSameInstant(ZoneOffset.UTC));
        OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<String> kafka =
                OutgoingKafkaRecordMetadata.<String>builder().withKey(key);
        if (traceparent != null) { // none when the span is not valid (the SDK is disabled)
            cloudEvent.withExtension(Traces.TRACEPARENT, traceparent);
            kafka.withHeaders(new RecordHeaders().add(Traces.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8)));
        }
        CompletableFuture<Void> ack = new CompletableFuture<>();
        Message<String> message = Message.of(row.getString("payload"), Metadata.of(cloudEvent.build(), kafka.build()))
                .withAck(() -> {
                    span.end();
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    span.setStatus(StatusCode.ERROR, failure.getMessage() == null ? "not sent" : failure.getMessage());
                    span.end();
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            span.end();
            ack.completeExceptionally(e);
        }
        return ack;
    }

    private void cleanUpOccasionally() {
        long now = System.currentTimeMillis();
        if (now - lastCleanup < CLEANUP_INTERVAL.toMillis()) {
            return;
        }
        lastCleanup = now;
        pool.preparedQuery("DELETE FROM outbox_event WHERE published_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) config.retention().toSeconds()))
                .subscribe().with(
                        rows -> LOG.debugf("Outbox clean-up removed %d published events", rows.rowCount()),
                        failure -> LOG.warnf("Outbox clean-up failed: %s", failure.getMessage()));
    }
}
