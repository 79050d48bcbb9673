package com.logishift.support.notification.webhook;

import com.logishift.support.kit.Page;
import com.logishift.support.kit.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;

/** The admins' side: endpoints (the secret answered only on creation and rotation), the delivery log, redelivery. */
@ApplicationScoped
@RequiredArgsConstructor
public class WebhookEndpoints {

    /** An endpoint as stored (without its secrets). */
    public record Endpoint(UUID id, String url, String description, List<String> eventTypes, boolean enabled,
            String disabledReason, Instant disabledAt, Instant failingSince, Instant previousSecretExpiresAt,
            Instant createdAt, Instant updatedAt) {
    }

    /** What an admin sets: the URL (already checked), the event types (already validated), description, on/off. */
    public record Settings(String url, List<String> eventTypes, String description, boolean enabled) {
    }

    /** One attempt of a delivery. */
    public record Attempt(int attempt, Instant startedAt, int durationMs, Integer responseCode, String error,
            String responseExcerpt, Instant nextAttemptAt) {
    }

    /** One delivery: an event for the endpoint, its state and attempts (newest last). */
    public record Delivery(UUID id, String eventId, String eventType, String status, int attempts, Instant createdAt,
            Instant lastAttemptAt, Integer lastResponseCode, Integer lastDurationMs, String lastError,
            Instant nextAttemptAt, UUID redeliveryOf, List<Attempt> attemptLog) {
    }

    private static final String ENDPOINT_COLUMNS = "id, url, description, event_types, enabled, disabled_reason, "
            + "disabled_at, failing_since, previous_secret_until, created_at, updated_at";

    private final Pool pool;
    private final Clock clock;
    private final WebhookConfig config;
    private final WebhookDispatcher dispatcher;
    private final SecretBox box;

    public Uni<Page<Endpoint>> list(int page, int size) {
        return pool.preparedQuery("SELECT " + ENDPOINT_COLUMNS + ", count(*) OVER () AS total FROM webhook_endpoint "
                        + "ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2")
                .execute(Tuple.of(size, (long) page * size))
                .flatMap(rows -> total(rows, "SELECT count(*) AS total FROM webhook_endpoint", Tuple.tuple())
                        .map(total -> new Page<>(map(rows, WebhookEndpoints::endpoint), total, page, size)));
    }

    public Uni<Endpoint> find(UUID id) {
        return pool.preparedQuery("SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoint WHERE id = $1")
                .execute(Tuple.of(id)).map(rows -> single(rows, WebhookEndpoints::endpoint));
    }

    /** Creates an endpoint with a new secret; answers it and the secret (the only time besides a rotation). */
    public Uni<Map.Entry<Endpoint, String>> create(Settings settings) {
        String secret = Signatures.newSecret();
        UUID id = UUID.randomUUID();
        OffsetDateTime now = now();
        return pool.preparedQuery("INSERT INTO webhook_endpoint (id, url, description, event_types, enabled, secret, "
                        + "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING " + ENDPOINT_COLUMNS)
                .execute(Tuple.tuple().addUUID(id).addString(settings.url()).addString(settings.description())
                        .addArrayOfString(settings.eventTypes().toArray(String[]::new)).addBoolean(settings.enabled())
                        .addString(box.seal(id, secret)).addOffsetDateTime(now))
                .map(rows -> Map.entry(single(rows, WebhookEndpoints::endpoint), secret));
    }

    /** Replaces the settings; enabling a disabled endpoint starts it afresh (its waiting deliveries go out). */
    public Uni<Endpoint> update(UUID id, Settings settings) {
        return pool.preparedQuery("""
                        UPDATE webhook_endpoint SET url = $2, description = $3, event_types = $4, enabled = $5, updated_at = $6,
                               disabled_reason = CASE WHEN $5 THEN NULL ELSE disabled_reason END,
                               disabled_at = CASE WHEN $5 THEN NULL ELSE disabled_at END,
                               failing_since = CASE WHEN $5 AND NOT enabled THEN NULL ELSE failing_since END
                         WHERE id = $1 RETURNING\s""" + ENDPOINT_COLUMNS)
                .execute(Tuple.tuple().addUUID(id).addString(settings.url()).addString(settings.description())
                        .addArrayOfString(settings.eventTypes().toArray(String[]::new)).addBoolean(settings.enabled())
                        .addOffsetDateTime(now()))
                .map(rows -> single(rows, WebhookEndpoints::endpoint))
                .invoke(dispatcher::wake);
    }

    /**
     * Deletes the endpoint and its delivery log. The cascade locks the endpoint's deliveries in its own
     * order while the dispatcher records results in another, so PostgreSQL may end one of them as a
     * deadlock (40P01): the delete, one statement of its own, is then simply run again.
     */
    public Uni<Void> delete(UUID id) {
        return pool.preparedQuery("DELETE FROM webhook_endpoint WHERE id = $1").execute(Tuple.of(id))
                .onFailure(WebhookEndpoints::isDeadlock).retry().atMost(3)
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw notFound();
                    }
                    return null;
                });
    }

    /** A new secret; the current one keeps signing (alongside) for the rotation overlap. */
    public Uni<Map.Entry<Endpoint, String>> rotate(UUID id) {
        String secret = Signatures.newSecret();
        OffsetDateTime now = now();
        return pool.preparedQuery("""
                        UPDATE webhook_endpoint SET previous_secret = secret, previous_secret_until = $3, secret = $2, updated_at = $4
                         WHERE id = $1 RETURNING\s""" + ENDPOINT_COLUMNS)
                .execute(Tuple.tuple().addUUID(id).addString(box.seal(id, secret))
                        .addOffsetDateTime(now.plus(config.rotationOverlap())).addOffsetDateTime(now))
                .map(rows -> Map.entry(single(rows, WebhookEndpoints::endpoint), secret));
    }

    /** The endpoint's deliveries, newest first, each with its attempts. */
    public Uni<Page<Delivery>> deliveries(UUID endpoint, int page, int size) {
        return find(endpoint).flatMap(ignored -> pool.preparedQuery("""
                                SELECT d.*, a.attempts_json FROM (
                                    SELECT count(*) OVER () AS total, id, seq, event_id, event_type, status, attempts, created_at, last_attempt_at,
                                           last_response_code, last_duration_ms, last_error, next_attempt_at, redelivery_of
                                      FROM webhook_delivery WHERE endpoint_id = $1 ORDER BY seq DESC LIMIT $2 OFFSET $3) d
                                LEFT JOIN LATERAL (
                                    SELECT json_agg(json_build_object('attempt', attempt, 'startedAt', started_at,
                                               'durationMs', duration_ms, 'responseCode', response_code, 'error', error,
                                               'responseExcerpt', response_excerpt, 'nextAttemptAt', next_attempt_at)
                                               ORDER BY attempt) AS attempts_json
                                      FROM webhook_attempt WHERE delivery_id = d.id) a ON true
                                ORDER BY d.seq DESC""")
                        .execute(Tuple.of(endpoint, size, (long) page * size)))
                .flatMap(rows -> total(rows, "SELECT count(*) AS total FROM webhook_delivery WHERE endpoint_id = $1",
                        Tuple.of(endpoint)).map(total -> new Page<>(map(rows, WebhookEndpoints::delivery), total, page, size)));
    }

    /** Queues the delivery's event again as a new delivery (a new webhook-id), due now. */
    public Uni<Delivery> redeliver(UUID endpoint, UUID delivery) {
        return pool.withTransaction(connection -> connection.preparedQuery(
                                "SELECT enabled FROM webhook_endpoint WHERE id = $1 FOR SHARE")
                        .execute(Tuple.of(endpoint))
                        .flatMap(rows -> {
                            if (rows.rowCount() == 0) {
                                throw notFound();
                            }
                            if (!rows.iterator().next().getBoolean("enabled")) {
                                throw ProblemException.conflict("webhook-disabled",
                                        "The webhook is disabled; enable it to deliver again.");
                            }
                            return connection.preparedQuery("""
                                            INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_type, payload, status,
                                                                          next_attempt_at, created_at, redelivery_of)
                                            SELECT $3, endpoint_id, event_id, event_type, payload, 'PENDING', $4, $4, id
                                              FROM webhook_delivery WHERE id = $2 AND endpoint_id = $1
                                            RETURNING id, event_id, event_type, status, attempts, created_at, last_attempt_at,
                                                      last_response_code, last_duration_ms, last_error, next_attempt_at,
                                                      redelivery_of, NULL::json AS attempts_json""")
                                    .execute(Tuple.of(endpoint, delivery, UUID.randomUUID(), now()));
                        }))
                .map(rows -> single(rows, WebhookEndpoints::delivery))
                .invoke(dispatcher::wake);
    }

    private Uni<Long> total(RowSet<Row> rows, String count, Tuple arguments) {
        // the window count when the page has rows; a page past the end still reports the total
        return rows.rowCount() > 0 && rows.columnsNames().contains("total")
                ? Uni.createFrom().item(rows.iterator().next().getLong("total"))
                : pool.preparedQuery(count).execute(arguments).map(r -> r.iterator().next().getLong("total"));
    }

    private static <T> List<T> map(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> items = new ArrayList<>();
        rows.forEach(row -> items.add(mapper.apply(row)));
        return items;
    }

    private static <T> T single(RowSet<Row> rows, Function<Row, T> mapper) {
        if (rows.rowCount() == 0) {
            throw notFound();
        }
        return mapper.apply(rows.iterator().next());
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("No such webhook or delivery.");
    }

    private static Endpoint endpoint(Row row) {
        return new Endpoint(row.getUUID("id"), row.getString("url"), row.getString("description"),
                List.of(row.getArrayOfStrings("event_types")), row.getBoolean("enabled"), row.getString("disabled_reason"),
                instant(row, "disabled_at"), instant(row, "failing_since"), instant(row, "previous_secret_until"),
                instant(row, "created_at"), instant(row, "updated_at"));
    }

    private static Delivery delivery(Row row) {
        List<Attempt> attempts = new ArrayList<>();
        Object log = row.getValue("attempts_json");
        if (log instanceof io.vertx.core.json.JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                io.vertx.core.json.JsonObject a = array.getJsonObject(i);
                attempts.add(new Attempt(a.getInteger("attempt"), parse(a.getString("startedAt")),
                        a.getInteger("durationMs"), a.getInteger("responseCode"), a.getString("error"),
                        a.getString("responseExcerpt"), parse(a.getString("nextAttemptAt"))));
            }
        }
        return new Delivery(row.getUUID("id"), row.getString("event_id"), row.getString("event_type"),
                row.getString("status"), row.getInteger("attempts"), instant(row, "created_at"),
                instant(row, "last_attempt_at"), row.getInteger("last_response_code"), row.getInteger("last_duration_ms"),
                row.getString("last_error"), instant(row, "next_attempt_at"), row.getUUID("redelivery_of"), attempts);
    }

    private static Instant parse(String timestamp) {
        return timestamp == null ? null : OffsetDateTime.parse(timestamp).toInstant();
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static boolean isDeadlock(Throwable failure) {
        return failure instanceof io.vertx.pgclient.PgException pg && "40P01".equals(pg.getSqlState());
    }
}
