package com.logishift.support.notification.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.kit.Columns;
import com.logishift.support.kit.stream.Announcements;
import com.logishift.support.notification.rest.NotificationView;
import com.logishift.support.notification.stream.LiveNotifications;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import lombok.RequiredArgsConstructor;

/**
 * What an attempt's outcome does, in one transaction: the attempt's log row; the delivery DELIVERED
 * (2xx), FAILED (410, or still failing {@code retry-for} after it was queued) or due again after an
 * exponential backoff with jitter, never earlier than the partner's Retry-After; the endpoint
 * disabled on 410 or when its attempts have all failed for {@code disable-after}, and then the
 * admins told (an admin-feed notification).
 */
@ApplicationScoped
@RequiredArgsConstructor
public class WebhookAttempts {

    /** The kind of the admins' notification that an endpoint was disabled. */
    public static final String DISABLED_KIND = "com.logishift.support.webhook.disabled.v1";
    private static final int ERROR_MAX = 500;

    /**
     * A delivery claimed for an attempt, with what signing and sending it needs; {@code endpointFailing}
     * when its endpoint was failing at the claim (a success must then clear that).
     */
    public record Claimed(UUID id, UUID endpointId, int attempts, String payload, Instant createdAt, String url,
            List<String> secrets, boolean endpointFailing) {
    }

    /** What one attempt got: a status code (0 when none), an error or the response excerpt, its Retry-After. */
    public record Outcome(int statusCode, String error, String excerpt, String retryAfter, int durationMs) {

        static Outcome answered(int statusCode, String excerpt, String retryAfter, long beginNanos) {
            return new Outcome(statusCode, null, excerpt, retryAfter, elapsed(beginNanos));
        }

        static Outcome failed(int statusCode, String error, String excerpt, String retryAfter, long beginNanos) {
            return new Outcome(statusCode, error, excerpt, retryAfter, elapsed(beginNanos));
        }

        boolean succeeded() {
            return statusCode >= 200 && statusCode < 300;
        }

        boolean gone() {
            return statusCode == 410;
        }

        private static int elapsed(long beginNanos) {
            return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - beginNanos) / 1_000_000);
        }
    }

    private final Pool pool;
    private final WebhookConfig config;
    private final Clock clock;
    private final ObjectMapper json;
    private final WebhookMetrics metrics;
    private final Queue<Success> successes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();

    /** Records the outcome; answers nothing (a delivery deleted meanwhile is simply gone). */
    public Uni<Void> record(Claimed delivery, Instant started, Outcome outcome) {
        Instant now = clock.instant();
        int attempt = delivery.attempts() + 1;
        String status;
        Instant next = null;
        if (outcome.succeeded()) {
            status = "DELIVERED";
        } else if (outcome.gone() || !now.isBefore(delivery.createdAt().plus(config.retryFor()))) {
            status = "FAILED";
        } else {
            status = "PENDING";
            next = now.plus(retryDelay(attempt, outcome.retryAfter(), now));
        }
        String error = outcome.error() != null ? outcome.error()
                : outcome.succeeded() ? null : "answered " + outcome.statusCode();
        String shortError = error == null ? null : error.substring(0, Math.min(error.length(), ERROR_MAX));
        Instant nextAttempt = next;
        if (outcome.succeeded() && !delivery.endpointFailing()) {
            return recordSuccess(delivery, attempt, started, outcome);
        }
        List<String> announcements = new ArrayList<>();
        AtomicBoolean recorded = new AtomicBoolean();
        return pool.withTransaction(connection -> connection.preparedQuery("""
                                UPDATE webhook_delivery SET attempts = $2, status = $3, next_attempt_at = $4, last_attempt_at = $5,
                                       last_response_code = $6, last_duration_ms = $7, last_error = $8
                                 WHERE id = $1 RETURNING id""")
                        .execute(Tuple.tuple().addUUID(delivery.id()).addInteger(attempt).addString(status)
                                .addOffsetDateTime(utc(nextAttempt)).addOffsetDateTime(utc(started))
                                .addInteger(outcome.statusCode() == 0 ? null : outcome.statusCode())
                                .addInteger(outcome.durationMs()).addString(shortError))
                        .invoke(updated -> recorded.set(updated.rowCount() > 0))
                        .flatMap(updated -> updated.rowCount() == 0 ? Uni.createFrom().voidItem()
                                : connection.preparedQuery("""
                                                INSERT INTO webhook_attempt (delivery_id, attempt, started_at, duration_ms, response_code,
                                                                             error, response_excerpt, next_attempt_at)
                                                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""")
                                        .execute(Tuple.tuple().addUUID(delivery.id()).addInteger(attempt)
                                                .addOffsetDateTime(utc(started)).addInteger(outcome.durationMs())
                                                .addInteger(outcome.statusCode() == 0 ? null : outcome.statusCode())
                                                .addString(shortError).addString(text(outcome.excerpt()))
                                                .addOffsetDateTime(utc(nextAttempt)))
                                        .flatMap(ignored -> endpointHealth(connection, delivery.endpointId(), outcome,
                                                started, now, announcements))))
                .invoke(() -> {
                    Announcements.send(pool, LiveNotifications.CHANNEL, announcements);
                    if (recorded.get()) {
                        metrics.attempted(status);
                    }
                    metrics.disabled(announcements.size()); // disable() announces each endpoint it switched off
                });
    }

    /**
     * The common case, a success at a healthy endpoint: queued, and written with the other successes
     * waiting at that moment in one statement (the delivery DELIVERED and its attempt logged) that does
     * not wait for the WAL flush. A batch goes out as soon as the previous one committed, so a quiet
     * moment writes a batch of one at once and a busy one writes hundreds per statement. A crash that
     * loses a batch leaves its deliveries due again, so the partner may get one twice with the same
     * webhook-id (at least once, as the scheme says); waiting for the flush of every success would cap
     * deliveries near the disk's flush rate.
     */
    private Uni<Void> recordSuccess(Claimed delivery, int attempt, Instant started, Outcome outcome) {
        return Uni.createFrom().emitter(emitter -> {
            successes.add(new Success(delivery.id(), delivery.endpointId(), attempt, started, outcome, emitter));
            flushSuccesses();
        });
    }

    /** A success waiting for its batch. */
    private record Success(UUID id, UUID endpointId, int attempt, Instant started, Outcome outcome, UniEmitter<? super Void> done) {
    }

    private void flushSuccesses() {
        if (!flushing.compareAndSet(false, true)) {
            return; // the batch under way flushes again when it ends
        }
        List<Success> batch = new ArrayList<>();
        for (Success next; batch.size() < config.recordBatch() && (next = successes.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            flushing.set(false);
            if (!successes.isEmpty()) {
                flushSuccesses(); // one arrived between the poll and the reset
            }
            return;
        }
        int n = batch.size();
        Set<UUID> endpoints = new java.util.HashSet<>();
        batch.forEach(success -> endpoints.add(success.endpointId()));
        Tuple parameters = Columns.of(Tuple.tuple(), batch).uuid(Success::id).integer(Success::attempt)
                .time(Success::started).integer(s -> s.outcome().statusCode()).integer(s -> s.outcome().durationMs())
                .string(s -> text(s.outcome().excerpt())).tuple().addArrayOfUUID(endpoints.toArray(UUID[]::new));
        pool.preparedQuery("""
                        WITH unflushed AS (SELECT set_config('synchronous_commit', 'off', true)),
                             batch AS (
                                 SELECT * FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::int[], $5::int[], $6::text[])
                                          AS b (id, attempt, started_at, code, duration_ms, excerpt)),
                             delivered AS (
                                 UPDATE webhook_delivery d SET attempts = b.attempt, status = 'DELIVERED', next_attempt_at = NULL,
                                        last_attempt_at = b.started_at, last_response_code = b.code,
                                        last_duration_ms = b.duration_ms, last_error = NULL
                                   FROM batch b WHERE d.id = b.id RETURNING d.id),
                             -- an endpoint that began failing after these were claimed is healthy again
                             healed AS (
                                 UPDATE webhook_endpoint SET failing_since = NULL
                                  WHERE id = ANY ($7::uuid[]) AND failing_since IS NOT NULL)
                        INSERT INTO webhook_attempt (delivery_id, attempt, started_at, duration_ms, response_code,
                                                     error, response_excerpt, next_attempt_at)
                        SELECT b.id, b.attempt, b.started_at, b.duration_ms, b.code, NULL, b.excerpt, NULL
                          FROM batch b JOIN delivered USING (id), unflushed""")
                .execute(parameters)
                .subscribe().with(rows -> {
                    metrics.attempted("DELIVERED", rows.rowCount()); // a delivery deleted meanwhile is simply gone
                    metrics.recordedBatch(n);
                    batch.forEach(success -> success.done().complete(null));
                    flushed();
                }, failure -> {
                    batch.forEach(success -> success.done().fail(failure));
                    flushed();
                });
    }

    private void flushed() {
        flushing.set(false);
        if (!successes.isEmpty()) {
            flushSuccesses();
        }
    }

    /** Healthy again after a success; failing since its first failure; disabled on 410 or after failing too long. */
    private Uni<Void> endpointHealth(SqlConnection connection, UUID endpoint, Outcome outcome, Instant started,
            Instant now, List<String> announcements) {
        if (outcome.succeeded()) {
            return connection.preparedQuery("UPDATE webhook_endpoint SET failing_since = NULL "
                    + "WHERE id = $1 AND failing_since IS NOT NULL").execute(Tuple.of(endpoint)).replaceWithVoid();
        }
        if (outcome.gone()) {
            return disable(connection, endpoint, "GONE", now, announcements);
        }
        return connection.preparedQuery("UPDATE webhook_endpoint SET failing_since = COALESCE(failing_since, $2) "
                        + "WHERE id = $1 RETURNING failing_since")
                .execute(Tuple.of(endpoint, utc(started)))
                .flatMap(rows -> {
                    OffsetDateTime since = rows.rowCount() == 0 ? null : rows.iterator().next().getOffsetDateTime("failing_since");
                    return since != null && !since.toInstant().plus(config.disableAfter()).isAfter(now)
                            ? disable(connection, endpoint, "FAILING", now, announcements)
                            : Uni.createFrom().voidItem();
                });
    }

    /** Switches the endpoint off (once) and tells the admins in their feed. */
    private Uni<Void> disable(SqlConnection connection, UUID endpoint, String reason, Instant now,
            List<String> announcements) {
        return connection.preparedQuery("""
                        UPDATE webhook_endpoint SET enabled = false, disabled_reason = $2, disabled_at = $3, updated_at = $3
                         WHERE id = $1 AND enabled RETURNING url""")
                .execute(Tuple.of(endpoint, reason, utc(now)))
                .flatMap(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    String url = rows.iterator().next().getString("url");
                    UUID id = UUID.randomUUID();
                    String title = "Webhook disabled";
                    String body = ("GONE".equals(reason) ? "The endpoint answered 410 Gone: " : "Every delivery failed for "
                            + config.disableAfter().toHours() + " h: ") + abbreviate(url, 300)
                            + ". Deliveries wait until an admin enables it again.";
                    announcements.add(announcement(LiveNotifications.Announcement.feed("admin", Set.of(),
                            new NotificationView(id, DISABLED_KIND, null, title, body, false, now, null))));
                    return connection.preparedQuery("""
                                    INSERT INTO feed_notification (id, feed, event_id, event_type, title, body, created_at)
                                    VALUES ($1, 'admin', $2, $3, $4, $5, $6)""")
                            .execute(Tuple.tuple().addUUID(id).addString("webhook-disabled:" + endpoint + ":" + now.toEpochMilli())
                                    .addString(DISABLED_KIND).addString(title).addString(body).addOffsetDateTime(utc(now)))
                            .replaceWithVoid();
                });
    }

    /** Exponential (doubling from backoff-initial up to backoff-max) with jitter, at least the Retry-After. */
    Duration retryDelay(int attempt, String retryAfter, Instant now) {
        long initial = config.backoffInitial().toMillis();
        long max = config.backoffMax().toMillis();
        long exponential = Math.min(max, initial << Math.min(attempt - 1, 30));
        // "equal jitter": half fixed, half random, so retries of many deliveries spread out
        long delay = exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
        Duration asked = retryAfter(retryAfter, now);
        return asked != null && asked.toMillis() > delay ? asked : Duration.ofMillis(delay);
    }

    /** Retry-After as seconds or an HTTP date, capped at retry-after-max; null when absent or unreadable. */
    Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration asked;
        String v = value.strip();
        if (v.matches("[0-9]{1,10}")) {
            asked = Duration.ofSeconds(Long.parseLong(v));
        } else {
            try {
                asked = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if (asked.isNegative()) {
            return Duration.ZERO;
        }
        return asked.compareTo(config.retryAfterMax()) > 0 ? config.retryAfterMax() : asked;
    }

    private String announcement(LiveNotifications.Announcement announcement) {
        try {
            return json.writeValueAsString(announcement);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a notification", e);
        }
    }

    /** Text PostgreSQL can store: no NUL characters (a partner's body may hold anything). */
    private static String text(String excerpt) {
        return excerpt == null || excerpt.isEmpty() ? null : excerpt.replace('\u0000', '\uFFFD');
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
