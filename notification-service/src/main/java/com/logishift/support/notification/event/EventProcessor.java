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
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
            case "agent.deactivated" -> "DEACTIVATED";
            case "agent.reactivated" -> "APPROVED";
            default -> null;
        };
        if (status == null) {
            return Uni.createFrom().voidItem();
        }
        // approvals and (de)activations carry no role: they are always about agents
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

    /**
     * Stores every recipient's notification in one statement and announces the stored ones in a
     * second: two round trips per event, however many recipients it has.
     */
    private Uni<Integer> store(SqlConnection connection, SupportEvent event, List<Draft> drafts) {
        if (drafts.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Instant now = clock.instant();
        int n = drafts.size();
        UUID[] ids = new UUID[n];
        UUID[] recipients = new UUID[n];
        UUID[] tickets = new UUID[n];
        String[] titles = new String[n];
        String[] bodies = new String[n];
        Map<UUID, Draft> byId = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Draft draft = drafts.get(i);
            ids[i] = UUID.randomUUID();
            recipients[i] = draft.recipientId();
            tickets[i] = draft.ticketId();
            titles[i] = draft.title();
            bodies[i] = draft.body();
            byId.put(ids[i], draft);
        }
        return connection.preparedQuery("""
                        INSERT INTO notification (id, recipient_id, event_id, event_type, ticket_id, title, body, created_at)
                        SELECT d.id, d.recipient_id, $6, $7, d.ticket_id, d.title, d.body, $8
                          FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[])
                               AS d (id, recipient_id, ticket_id, title, body)
                        ON CONFLICT (event_id, recipient_id) DO NOTHING
                        RETURNING id""")
                .execute(Tuple.tuple().addArrayOfUUID(ids).addArrayOfUUID(recipients).addArrayOfUUID(tickets)
                        .addArrayOfString(titles).addArrayOfString(bodies)
                        .addString(event.id()).addString(event.type()).addOffsetDateTime(now.atOffset(ZoneOffset.UTC)))
                .flatMap(rows -> {
                    List<String> announcements = new ArrayList<>();
                    for (Row row : rows) {
                        UUID id = row.getUUID("id");
                        Draft draft = byId.get(id);
                        announcements.add(announcement(draft.recipientId(), new NotificationView(id, event.type(),
                                draft.ticketId(), draft.title(), draft.body(), false, now, null)));
                    }
                    return announce(connection, announcements);
                });
    }

    /** Tells every replica's live streams, once the transaction commits. Returns how many. */
    private Uni<Integer> announce(SqlConnection connection, List<String> announcements) {
        if (announcements.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return connection.preparedQuery("SELECT pg_notify($1, a) FROM unnest($2::text[]) AS a")
                .execute(Tuple.of(LiveNotifications.CHANNEL, announcements.toArray(String[]::new)))
                .replaceWith(announcements.size());
    }

    private String announcement(UUID recipient, NotificationView view) {
        try {
            return json.writeValueAsString(new LiveNotifications.Announcement(recipient, view));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a notification", e);
        }
    }
}
