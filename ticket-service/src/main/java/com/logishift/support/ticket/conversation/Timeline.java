package com.logishift.support.ticket.conversation;

import com.logishift.support.kit.Columns;
import com.logishift.support.kit.Page;
import com.logishift.support.ticket.Actor;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes and reads a ticket's timeline. Every write takes its seq from the ticket row's counter in
 * the writing transaction (the row lock orders concurrent writers, so seq order is commit order);
 * the table's trigger announces each commit to the live streams (pg_notify). Entries are only ever
 * written through {@link com.logishift.support.ticket.event.TicketEvents}, next to the event that
 * describes the same change.
 */
public final class Timeline {

    private Timeline() {
    }

    /**
     * An {@code INSERT INTO ticket_timeline} for plain-SQL writers that already hold the ticket's
     * counter (they set {@code timeline_seq} themselves in the same statement); its 12 parameters
     * start at {@code $first}, filled by {@link #parameters}. Agent names are copied from the read model.
     */
    public static String insertSql(int first) {
        return insertSql(first, false);
    }

    /**
     * {@link #insertSql} for entries of several tickets (a batch of the SLA job): {@code $first} is
     * each entry's ticket id ({@code uuid[]}), the other 11 parameters as there; filled by
     * {@link #parametersOfTickets}.
     */
    public static String insertOfTicketsSql(int first) {
        return insertSql(first, true);
    }

    private static String insertSql(int first, boolean ticketPerEntry) {
        return """
                INSERT INTO ticket_timeline (ticket_id, seq, at, actor_id, actor_name, actor_role, kind, from_value,
                                             to_value, from_name, to_name, message_id, attachment_id, internal)
                SELECT %13$s, e.seq, $%2$d, e.actor_id, e.actor_name, e.actor_role, e.kind, e.from_value, e.to_value,
                       CASE WHEN e.kind IN ('ASSIGNED', 'UNASSIGNED')
                            THEN (SELECT a.name FROM agent a WHERE a.id = e.from_value::uuid) END,
                       CASE WHEN e.kind = 'ASSIGNED'
                            THEN (SELECT a.name FROM agent a WHERE a.id = e.to_value::uuid) END,
                       e.message_id, e.attachment_id, e.internal
                  FROM unnest(%14$s$%3$d::int[], $%4$d::uuid[], $%5$d::varchar[], $%6$d::varchar[], $%7$d::varchar[],
                              $%8$d::varchar[], $%9$d::varchar[], $%10$d::uuid[], $%11$d::uuid[], $%12$d::bool[])
                       AS e(%15$sseq, actor_id, actor_name, actor_role, kind, from_value, to_value, message_id,
                            attachment_id, internal)"""
                .formatted(first, first + 1, first + 2, first + 3, first + 4, first + 5, first + 6, first + 7,
                        first + 8, first + 9, first + 10, first + 11,
                        ticketPerEntry ? "e.ticket_id" : "$" + first,
                        ticketPerEntry ? "$" + first + "::uuid[], " : "",
                        ticketPerEntry ? "ticket_id, " : "");
    }

    /** Adds the 12 parameters of {@link #insertSql}: entries numbered from {@code firstSeq}. */
    public static Tuple parameters(Tuple tuple, UUID ticketId, Instant at, int firstSeq, List<TimelineEntry> entries) {
        int[] seqs = new int[entries.size()];
        for (int i = 0; i < seqs.length; i++) {
            seqs[i] = firstSeq + i;
        }
        return entries(tuple.addUUID(ticketId).addOffsetDateTime(utc(at)), seqs, entries);
    }

    /** Adds the 12 parameters of {@link #insertOfTicketsSql}: each entry's ticket and seq beside it. */
    public static Tuple parametersOfTickets(Tuple tuple, UUID[] ticketIds, Instant at, int[] seqs,
            List<TimelineEntry> entries) {
        return entries(tuple.addArrayOfUUID(ticketIds).addOffsetDateTime(utc(at)), seqs, entries);
    }

    private static Tuple entries(Tuple tuple, int[] seq, List<TimelineEntry> entries) {
        List<Numbered> rows = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            rows.add(new Numbered(seq[i], entries.get(i)));
        }
        return Columns.of(tuple, rows).integer(Numbered::seq)
                .uuid(n -> n.actor() == null ? null : n.actor().id())
                .string(n -> n.actor() == null ? null : n.actor().name())
                .string(n -> n.actor() == null ? null : n.actor().role().name())
                .string(n -> n.entry().kind().name()).string(n -> n.entry().from()).string(n -> n.entry().to())
                .uuid(n -> n.entry().messageId()).uuid(n -> n.entry().attachmentId()).bool(n -> n.entry().internal())
                .tuple();
    }

    /** An entry with the seq it is written under. */
    private record Numbered(int seq, TimelineEntry entry) {
        Actor actor() {
            return entry.actor();
        }
    }

    private static final String APPEND_IN_SESSION = """
            WITH counter AS (
                UPDATE ticket SET timeline_seq = timeline_seq + 1 WHERE id = CAST(:ticket AS uuid)
                RETURNING timeline_seq),
            entry AS (
                SELECT CAST(:kind AS varchar) AS kind, CAST(:fromValue AS varchar) AS from_value,
                       CAST(:toValue AS varchar) AS to_value)
            INSERT INTO ticket_timeline (ticket_id, seq, at, actor_id, actor_name, actor_role, kind, from_value,
                                         to_value, from_name, to_name, message_id, attachment_id, internal)
            SELECT CAST(:ticketAgain AS uuid), counter.timeline_seq, CAST(:at AS timestamptz),
                   CAST(:actorId AS uuid), CAST(:actorName AS varchar), CAST(:actorRole AS varchar), entry.kind,
                   entry.from_value, entry.to_value,
                   CASE WHEN entry.kind IN ('ASSIGNED', 'UNASSIGNED')
                        THEN (SELECT a.name FROM agent a WHERE a.id = CAST(entry.from_value AS uuid)) END,
                   CASE WHEN entry.kind = 'ASSIGNED'
                        THEN (SELECT a.name FROM agent a WHERE a.id = CAST(entry.to_value AS uuid)) END,
                   CAST(:messageId AS uuid), CAST(:attachmentId AS uuid), CAST(:internal AS boolean)
              FROM counter, entry""";

    /**
     * Appends entries inside the current Hibernate Reactive transaction (the Panache use cases):
     * one statement per entry bumps the ticket's counter (taking its row lock) and inserts the entry.
     * The counter is not mapped by the Ticket entity, so the entity's own flush leaves it alone.
     */
    public static Uni<Void> appendInSession(UUID ticketId, Instant at, List<TimelineEntry> entries) {
        return Panache.getSession().flatMap(session -> Multi.createFrom().iterable(entries)
                .onItem().transformToUniAndConcatenate(e -> {
                    Actor actor = e.actor();
                    return session.createNativeQuery(APPEND_IN_SESSION)
                            .setParameter("ticket", ticketId)
                            .setParameter("ticketAgain", ticketId)
                            .setParameter("at", utc(at))
                            .setParameter("actorId", actor == null ? null : actor.id())
                            .setParameter("actorName", actor == null ? null : actor.name())
                            .setParameter("actorRole", actor == null ? null : actor.role().name())
                            .setParameter("kind", e.kind().name())
                            .setParameter("fromValue", e.from())
                            .setParameter("toValue", e.to())
                            .setParameter("messageId", e.messageId())
                            .setParameter("attachmentId", e.attachmentId())
                            .setParameter("internal", e.internal())
                            .executeUpdate();
                })
                .collect().last().replaceWithVoid());
    }

    private static final String READ = """
            SELECT tl.seq, tl.at, tl.actor_id, tl.actor_name, tl.actor_role, tl.kind, tl.from_value, tl.to_value,
                   tl.from_name, tl.to_name, tl.message_id, tl.attachment_id
              FROM ticket_timeline tl
             WHERE tl.ticket_id = $1 AND tl.seq > $2 AND ($3 OR NOT tl.internal)
             ORDER BY tl.seq
             LIMIT $4""";

    private static final String COUNT = """
            SELECT count(*) AS total FROM ticket_timeline WHERE ticket_id = $1 AND ($2 OR NOT internal)""";

    /** Entries after {@code after} that the caller may see, oldest first, and how many they may see in all. */
    public static Uni<Page<TimelineView>> read(SqlClient db, UUID ticketId, boolean internalToo, int after, int size) {
        return entries(db, ticketId, internalToo, after, size)
                .flatMap(items -> db.preparedQuery(COUNT).execute(Tuple.of(ticketId, internalToo))
                        .map(rows -> new Page<>(items, rows.iterator().next().getLong("total"), 0, size)));
    }

    /** Entries after {@code after} that the caller may see, oldest first. */
    public static Uni<List<TimelineView>> entries(SqlClient db, UUID ticketId, boolean internalToo, int after,
            int limit) {
        return db.preparedQuery(READ).execute(Tuple.of(ticketId, after, internalToo, limit)).map(rows -> {
            List<TimelineView> items = new ArrayList<>(rows.size());
            for (Row row : rows) {
                items.add(view(row));
            }
            return items;
        });
    }

    private static TimelineView view(Row row) {
        UUID actorId = row.getUUID("actor_id");
        TimelineView.ActorView actor = actorId == null ? null
                : new TimelineView.ActorView(actorId, row.getString("actor_name"), row.getString("actor_role"));
        return new TimelineView(row.getInteger("seq"), row.getOffsetDateTime("at").toInstant(), actor,
                TimelineKind.valueOf(row.getString("kind")), row.getString("from_value"), row.getString("from_name"),
                row.getString("to_value"), row.getString("to_name"), row.getUUID("message_id"),
                row.getUUID("attachment_id"), null);
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
