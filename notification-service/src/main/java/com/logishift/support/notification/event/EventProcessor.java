package com.logishift.support.notification.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.notification.Directory;
import com.logishift.support.notification.Draft;
import com.logishift.support.notification.NotificationRules;
import com.logishift.support.notification.SupportEvent;
import com.logishift.support.notification.rest.NotificationView;
import com.logishift.support.notification.stream.LiveNotifications;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies one event in one transaction: records its id (a redelivery stops here), updates the
 * directory for account events, stores a notification per recipient and announces each through
 * {@code pg_notify}, which PostgreSQL delivers only when the transaction commits.
 */
@Startup // registers its metrics at start, so they read 0 rather than being absent
@ApplicationScoped
public class EventProcessor {

    private final Pool pool;
    private final ObjectMapper json;
    private final Clock clock;
    private final Counter created;

    public EventProcessor(Pool pool, ObjectMapper json, Clock clock, MeterRegistry metrics) {
        this.pool = pool;
        this.json = json;
        this.clock = clock;
        this.created = metrics.counter("support.notifications.created");
    }

    /** Returns how many notifications were created (0 for a redelivered event). */
    public Uni<Integer> process(SupportEvent event) {
        if (!NotificationRules.KNOWN_TYPES.contains(event.shortType())) {
            return Uni.createFrom().failure(
                    new SupportEvent.MalformedEventException("unknown event type " + event.type()));
        }
        return pool.withTransaction(connection -> connection
                .preparedQuery("INSERT INTO processed_event (event_id, processed_at) VALUES ($1, now()) "
                        + "ON CONFLICT DO NOTHING")
                .execute(Tuple.of(event.id()))
                .flatMap(rows -> rows.rowCount() == 0
                        ? Uni.createFrom().item(0) // already applied
                        : updateDirectory(connection, event)
                                .flatMap(ignored -> directory(connection))
                                .flatMap(directory -> store(connection, event,
                                        NotificationRules.draftsFor(event, directory)))))
                .invoke(count -> created.increment(count));
    }

    private Uni<Void> updateDirectory(SqlConnection connection, SupportEvent event) {
        String status = switch (event.shortType()) {
            case "account.registered" -> event.required("status");
            case "agent.approved" -> "APPROVED";
            case "agent.rejected" -> "REJECTED";
            default -> null;
        };
        if (status == null) {
            return Uni.createFrom().voidItem();
        }
        // approvals carry no role: they are always about agents
        String role = "account.registered".equals(event.shortType()) ? event.required("role") : "agent";
        return connection.preparedQuery("""
                        INSERT INTO directory_account (id, role, status, name, updated_at) VALUES ($1, $2, $3, $4, now())
                        ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status,
                               name = COALESCE(EXCLUDED.name, directory_account.name), updated_at = now()""")
                .execute(Tuple.of(event.requiredUuid("accountId"), role, status, event.text("name")))
                .replaceWithVoid();
    }

    private Uni<Directory> directory(SqlConnection connection) {
        return connection.query("SELECT id, role, status, name FROM directory_account "
                        + "WHERE role = 'admin' OR (role = 'agent' AND status = 'APPROVED')")
                .execute()
                .map(rows -> {
                    Set<UUID> agents = new HashSet<>();
                    Set<UUID> admins = new HashSet<>();
                    Map<UUID, String> names = new HashMap<>();
                    rows.forEach(row -> {
                        UUID id = row.getUUID("id");
                        (("admin".equals(row.getString("role"))) ? admins : agents).add(id);
                        names.put(id, row.getString("name"));
                    });
                    return new Directory(agents, admins, names);
                });
    }

    private Uni<Integer> store(SqlConnection connection, SupportEvent event, List<Draft> drafts) {
        Instant now = clock.instant();
        return Multi.createFrom().iterable(drafts)
                .onItem().transformToUniAndConcatenate(draft -> {
                    UUID id = UUID.randomUUID();
                    return connection.preparedQuery("""
                                    INSERT INTO notification (id, recipient_id, event_id, event_type, ticket_id, title, body, created_at)
                                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                                    ON CONFLICT (event_id, recipient_id) DO NOTHING""")
                            .execute(Tuple.tuple().addValue(id).addValue(draft.recipientId())
                                    .addValue(event.id()).addValue(event.type()).addValue(draft.ticketId())
                                    .addValue(draft.title()).addValue(draft.body())
                                    .addValue(now.atOffset(ZoneOffset.UTC)))
                            .flatMap(rows -> rows.rowCount() == 0
                                    ? Uni.createFrom().item(0)
                                    : announce(connection, new NotificationView(id, event.type(), draft.ticketId(),
                                            draft.title(), draft.body(), false, now, null), draft.recipientId()));
                })
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    /** Tells every replica's live streams, once the transaction commits. */
    private Uni<Integer> announce(SqlConnection connection, NotificationView view, UUID recipient) {
        String payload;
        try {
            payload = json.writeValueAsString(new LiveNotifications.Announcement(recipient, view));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return connection.preparedQuery("SELECT pg_notify($1, $2)")
                .execute(Tuple.of(LiveNotifications.CHANNEL, payload))
                .replaceWith(1);
    }
}
