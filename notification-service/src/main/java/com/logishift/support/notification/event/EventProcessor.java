package com.logishift.support.notification.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.notification.Directory;
import com.logishift.support.notification.Draft;
import com.logishift.support.notification.NotificationRules;
import com.logishift.support.notification.SupportEvent;
import com.logishift.support.notification.mail.MailOutbox;
import com.logishift.support.notification.rest.NotificationView;
import com.logishift.support.notification.stream.LiveNotifications;
import com.logishift.support.notification.webhook.WebhookDispatcher;
import com.logishift.support.notification.webhook.WebhookQueue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import com.logishift.support.kit.stream.Announcements;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a poll's events in one transaction, one after the other in the order they came (one
 * ticket's events share a partition, so theirs holds): records each id (a redelivered one stops
 * there), updates the directory for account events, stores personal notifications per recipient
 * and role-feed entries once per role. Once the transaction has committed it announces them to the
 * live streams ({@link Announcements}: one per stored row, so one per role for a feed entry).
 */
@Startup // registers its metrics at start, so they read 0 rather than being absent
@ApplicationScoped
public class EventProcessor {

    private final Pool pool;
    private final ObjectMapper json;
    private final Clock clock;
    private final MailOutbox mail;
    private final Counter created;
    private final WebhookQueue webhooks;
    private final WebhookDispatcher dispatcher;

    public EventProcessor(Pool pool, ObjectMapper json, Clock clock, MailOutbox mail, MeterRegistry metrics,
            WebhookQueue webhooks, WebhookDispatcher dispatcher) {
        this.pool = pool;
        this.json = json;
        this.clock = clock;
        this.mail = mail;
        this.created = metrics.counter("support.notifications.created");
        this.webhooks = webhooks;
        this.dispatcher = dispatcher;
    }

    /** One event in its own transaction. Returns how many notifications were stored (0 for a redelivered event). */
    public Uni<Integer> process(SupportEvent event) {
        return process(List.of(event));
    }

    /** The events in order, in one transaction. Returns how many notifications were stored. */
    public Uni<Integer> process(List<SupportEvent> events) {
        for (SupportEvent event : events) {
            if (!NotificationRules.KNOWN_TYPES.contains(event.shortType())) {
                return Uni.createFrom().failure(
                        new SupportEvent.MalformedEventException("unknown event type " + event.type()));
            }
        }
        return pool.withTransaction(connection -> firstDeliveries(connection, events).flatMap(fresh -> {
                    Batch batch = new Batch(connection);
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    List<SupportEvent> applied = new ArrayList<>();
                    for (SupportEvent event : events) {
                        if (fresh.remove(event.id())) { // a copy later in the same poll finds it gone
                            applied.add(event);
                            chain = chain.flatMap(ignored -> apply(batch, event));
                        }
                    }
                    // webhook deliveries in the same transaction: queued exactly when the event is applied
                    return chain.flatMap(ignored -> webhooks.queue(connection, applied))
                            .invoke(queued -> batch.webhooks = queued).replaceWith(batch);
                }))
                .map(batch -> {
                    // once committed: the streams re-read nothing, the announcement carries the notification
                    Announcements.send(pool, LiveNotifications.CHANNEL, batch.announcements.values());
                    created.increment(batch.stored);
                    if (batch.webhooks > 0) {
                        dispatcher.wake();
                    }
                    return batch.stored;
                });
    }

    /** Records the ids; answers those not seen before (one round trip for the whole poll). */
    private static Uni<Set<String>> firstDeliveries(SqlConnection connection, List<SupportEvent> events) {
        String[] ids = events.stream().map(SupportEvent::id).toArray(String[]::new);
        return connection.preparedQuery("INSERT INTO processed_event (event_id, processed_at) "
                        + "SELECT id, now() FROM unnest($1::text[]) AS id ON CONFLICT DO NOTHING RETURNING event_id")
                .execute(Tuple.tuple().addArrayOfString(ids))
                .map(rows -> {
                    Set<String> fresh = new HashSet<>();
                    rows.forEach(row -> fresh.add(row.getString("event_id")));
                    return fresh;
                });
    }

    private Uni<Void> apply(Batch batch, SupportEvent event) {
        return updateDirectory(batch, event)
                .flatMap(ignored -> batch.directory())
                .flatMap(directory -> {
                    NotificationRules.Decision decision = NotificationRules.decide(event, directory);
                    return store(batch, event, decision.drafts())
                            .flatMap(ignored -> queueEntry(batch, event, decision.queueEntry()))
                            // its mail, if any, in the same transaction: exactly one per (event, recipient)
                            .flatMap(ignored -> mail.queue(batch.connection, event));
                });
    }

    private Uni<Void> updateDirectory(Batch batch, SupportEvent event) {
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
        batch.directory = null; // names may have changed: read again for the next event
        // approvals and (de)activations carry no role: they are always about agents
        String role = "account.registered".equals(event.shortType()) ? event.required("role") : "agent";
        // joining a feed (or joining it again after a deactivation) starts at its current end:
        // nobody gets what was announced before they could read it
        return batch.connection.preparedQuery("""
                        WITH feed_end AS (SELECT COALESCE(max(seq), 0) AS seq FROM feed_notification)
                        INSERT INTO directory_account (id, role, status, name, email, updated_at, feed_since, feed_read_upto)
                        SELECT $1, $2, $3, $4, $5, now(), feed_end.seq, feed_end.seq FROM feed_end
                        ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status,
                               name = COALESCE(EXCLUDED.name, directory_account.name),
                               email = COALESCE(EXCLUDED.email, directory_account.email), updated_at = now(),
                               feed_since = CASE WHEN directory_account.status = EXCLUDED.status
                                                 THEN directory_account.feed_since ELSE EXCLUDED.feed_since END,
                               feed_read_upto = CASE WHEN directory_account.status = EXCLUDED.status
                                                     THEN directory_account.feed_read_upto ELSE EXCLUDED.feed_read_upto END""")
                .execute(Tuple.of(event.requiredUuid("accountId"), role, status, event.text("name"), email(event)))
                .replaceWithVoid();
    }

    /** The account's address for mails (every account event carries it); an implausible one is not kept. */
    private static String email(SupportEvent event) {
        String email = event.text("email");
        return email == null || email.length() > 320 || !email.matches("[^\\s@<>,;\"]+@[^\\s@<>,;\"]+") ? null : email;
    }

    /**
     * Stores the event's personal notifications (not for someone who switched the kind off) and
     * feed entries in one statement, and queues their announcements.
     */
    private Uni<Void> store(Batch batch, SupportEvent event, List<Draft> drafts) {
        if (drafts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        Rows personal = new Rows();
        Rows feeds = new Rows();
        Set<UUID> except = Set.of();
        Map<UUID, Draft> byId = new HashMap<>();
        for (Draft draft : drafts) {
            UUID id = UUID.randomUUID();
            byId.put(id, draft);
            if (draft.isFeed()) {
                feeds.add(id, draft, draft.feed().id);
                except = draft.except(); // the same for every feed entry of one event
            } else {
                personal.add(id, draft, draft.recipientId().toString());
            }
        }
        return batch.connection.preparedQuery("""
                        WITH personal AS (
                            INSERT INTO notification (id, recipient_id, event_id, event_type, ticket_id, title, body, created_at)
                            SELECT d.id, d.target::uuid, $11::text, $12::text, d.ticket_id, d.title, d.body, $13::timestamptz
                              FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[])
                                   AS d (id, target, ticket_id, title, body)
                             WHERE NOT EXISTS (SELECT 1 FROM preference p
                                                WHERE p.account_id = d.target::uuid AND p.kind = $12::text AND NOT p.in_app)
                            ON CONFLICT (event_id, recipient_id) DO NOTHING
                            RETURNING id),
                        feed AS (
                            INSERT INTO feed_notification (id, feed, event_id, event_type, ticket_id, title, body, except_ids, created_at)
                            SELECT f.id, f.target, $11::text, $12::text, f.ticket_id, f.title, f.body, $14::uuid[], $13::timestamptz
                              FROM unnest($6::uuid[], $7::text[], $8::uuid[], $9::text[], $10::text[])
                                   AS f (id, target, ticket_id, title, body)
                            ON CONFLICT (event_id, feed) DO NOTHING
                            RETURNING id)
                        SELECT id FROM personal UNION ALL SELECT id FROM feed""")
                .execute(feeds.into(personal.into(Tuple.tuple()))
                        .addString(event.id()).addString(event.type()).addOffsetDateTime(now.atOffset(ZoneOffset.UTC))
                        .addArrayOfUUID(except.toArray(UUID[]::new)))
                .invoke(rows -> {
                    for (Row row : rows) {
                        UUID id = row.getUUID("id");
                        Draft draft = byId.get(id);
                        NotificationView view = new NotificationView(id, event.type(), draft.ticketId(), draft.title(),
                                draft.body(), false, now, null);
                        batch.announcements.put(id, announcement(draft.isFeed()
                                ? LiveNotifications.Announcement.feed(draft.feed().id, draft.except(), view)
                                : LiveNotifications.Announcement.personal(draft.recipientId(), view)));
                    }
                    batch.stored += rows.rowCount();
                })
                .replaceWithVoid();
    }

    /** Hides or shows again the agents' "new ticket" entry of the event's ticket. */
    private static Uni<Void> queueEntry(Batch batch, SupportEvent event, NotificationRules.QueueEntry change) {
        if (change == NotificationRules.QueueEntry.UNCHANGED) {
            return Uni.createFrom().voidItem();
        }
        boolean withdraw = change == NotificationRules.QueueEntry.WITHDRAW;
        return batch.connection.preparedQuery("UPDATE feed_notification SET withdrawn = $2 "
                        + "WHERE ticket_id = $1 AND feed = 'agent' AND withdrawn <> $2 RETURNING id")
                .execute(Tuple.of(event.requiredUuid("ticketId"), withdraw))
                .invoke(rows -> {
                    if (withdraw) {
                        // created and assigned in the same poll: the agents never see it pop up
                        rows.forEach(row -> batch.announcements.remove(row.getUUID("id")));
                    }
                })
                .replaceWithVoid();
    }

    private String announcement(LiveNotifications.Announcement announcement) {
        try {
            return json.writeValueAsString(announcement);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a notification", e);
        }
    }

    /** The columns of one unnest() insert: rows of (id, target, ticket, title, body). */
    private static final class Rows {
        private final List<UUID> ids = new ArrayList<>();
        private final List<String> targets = new ArrayList<>();
        private final List<UUID> tickets = new ArrayList<>();
        private final List<String> titles = new ArrayList<>();
        private final List<String> bodies = new ArrayList<>();

        void add(UUID id, Draft draft, String target) {
            ids.add(id);
            targets.add(target);
            tickets.add(draft.ticketId());
            titles.add(draft.title());
            bodies.add(draft.body());
        }

        Tuple into(Tuple tuple) {
            return tuple.addArrayOfUUID(ids.toArray(UUID[]::new)).addArrayOfString(targets.toArray(String[]::new))
                    .addArrayOfUUID(tickets.toArray(UUID[]::new)).addArrayOfString(titles.toArray(String[]::new))
                    .addArrayOfString(bodies.toArray(String[]::new));
        }
    }

    /** What one poll's transaction carries from event to event. */
    private static final class Batch {
        final SqlConnection connection;
        /** Announcements by stored row id, sent at the end of the poll. */
        final Map<UUID, String> announcements = new LinkedHashMap<>();
        Directory directory;
        int stored;
        int webhooks;

        Batch(SqlConnection connection) {
            this.connection = connection;
        }

        /** The staff's names, read once per poll and again after an account event changed them. */
        Uni<Directory> directory() {
            if (directory != null) {
                return Uni.createFrom().item(directory);
            }
            return connection.query("SELECT id, name FROM directory_account WHERE role IN ('admin', 'agent')").execute()
                    .map(rows -> {
                        Map<UUID, String> names = new HashMap<>();
                        rows.forEach(row -> names.put(row.getUUID("id"), row.getString("name")));
                        directory = new Directory(names);
                        return directory;
                    });
        }
    }
}
