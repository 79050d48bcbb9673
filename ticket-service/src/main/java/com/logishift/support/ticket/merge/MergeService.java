package com.logishift.support.ticket.merge;

import com.logishift.support.kit.ProblemException;
import com.logishift.support.kit.outbox.OutboxEvent;
import com.logishift.support.ticket.Actor;
import com.logishift.support.ticket.Ticket;
import com.logishift.support.ticket.conversation.ConversationService;
import com.logishift.support.ticket.conversation.Timeline;
import com.logishift.support.ticket.event.TicketActivity;
import com.logishift.support.ticket.event.TicketEvents;
import com.logishift.support.ticket.sla.SlaClocks;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * Merging a duplicate into the ticket that stays, in one transaction of plain SQL: both rows are
 * locked in id order (two merges of the same tickets in either direction serialise instead of
 * deadlocking; every other writer locks one ticket), {@link MergeRules} decides, then the source's
 * messages (PUBLIC and INTERNAL, in their order) with their files move behind the target's last seq,
 * the source is CLOSED pointing at the target with its SLA clocks stopped, tickets merged into the
 * source earlier are re-pointed to the target (no chains), and merged.v1 and a MERGED timeline entry on
 * each ticket are written. The ticket counters follow the status change through their trigger (V9).
 */
@ApplicationScoped
@RequiredArgsConstructor
public class MergeService {

    private static final String LOCK_BOTH = "SELECT " + ConversationService.TICKET_COLUMNS
            + " FROM ticket WHERE id = ANY($1) ORDER BY id FOR UPDATE";

    /**
     * Renumbers the source's messages after the target's last seq in their order. A client message id
     * the same author already used on the target is dropped (the target's retry lookup keeps working
     * for the one it has); the files of the moved messages move with them.
     */
    private static final String MOVE_MESSAGES = """
            WITH moved AS (
                UPDATE ticket_message m
                   SET ticket_id = $2, seq = $3 + o.n,
                       client_message_id = CASE WHEN EXISTS (
                               SELECT 1 FROM ticket_message d
                                WHERE d.ticket_id = $2 AND d.author_id = m.author_id
                                  AND d.client_message_id = m.client_message_id)
                           THEN NULL ELSE m.client_message_id END
                  FROM (SELECT id, row_number() OVER (ORDER BY seq) AS n FROM ticket_message WHERE ticket_id = $1) o
                 WHERE m.id = o.id
                RETURNING m.id),
            files AS (
                UPDATE attachment SET ticket_id = $2 WHERE message_id IN (SELECT id FROM moved))
            SELECT count(*)::int AS n FROM moved""";

    /** The entity's version goes up: a Panache writer holding the old row fails instead of reopening it. */
    private static final String CLOSE_SOURCE = """
            UPDATE ticket SET status = $2, closed_at = $3, updated_at = $3, merged_into_id = $4,
                              timeline_seq = timeline_seq + 1, version = version + 1, %s
             WHERE id = $1""".formatted(SlaClocks.assignments(5));

    private static final String GROW_TARGET = """
            UPDATE ticket SET message_seq = message_seq + $2, timeline_seq = timeline_seq + 1, updated_at = $3
             WHERE id = $1""";

    private static final String REPOINT = "UPDATE ticket SET merged_into_id = $2 WHERE merged_into_id = $1";

    private static final String EVENTS_AND_SOURCE_ENTRY = """
            WITH events AS (%s)
            """.formatted(OutboxEvent.insertSql(1)) + Timeline.insertSql(1 + OutboxEvent.ARRAYS);

    private static final String TARGET_ENTRY = Timeline.insertSql(1);

    private final Pool pool;
    private final TicketEvents events;
    private final TicketActivity activity;
    private final SlaClocks sla;
    private final Clock clock;

    /** What a merge did. */
    public record Merged(UUID sourceId, UUID targetId, int movedMessages) {
    }

    public Uni<Merged> merge(Actor actor, UUID sourceId, UUID targetId) {
        return pool.withTransaction(tx -> tx.preparedQuery(LOCK_BOTH)
                        .execute(Tuple.of(new UUID[] {sourceId, targetId}))
                        .flatMap(rows -> {
                            Map<UUID, Row> locked = new HashMap<>();
                            rows.forEach(row -> locked.put(row.getUUID("id"), row));
                            if (!locked.containsKey(sourceId)) {
                                throw ProblemException.notFound("No ticket " + sourceId);
                            }
                            if (!locked.containsKey(targetId)) {
                                throw ProblemException.invalidField("intoTicketId", "no ticket has this id");
                            }
                            Ticket source = ConversationService.ticket(locked.get(sourceId));
                            Ticket target = ConversationService.ticket(locked.get(targetId));
                            MergeRules.check(source, target, actor);
                            return merge(tx, actor, source, target, locked.get(targetId).getInteger("message_seq"),
                                    locked.get(sourceId).getInteger("timeline_seq"),
                                    locked.get(targetId).getInteger("timeline_seq"));
                        }))
                .invoke(merged -> {
                    activity.committed(merged.sourceId());
                    activity.committed(merged.targetId());
                });
    }

    private Uni<Merged> merge(SqlConnection tx, Actor actor, Ticket source, Ticket target, int targetLastSeq,
            int sourceTimeline, int targetTimeline) {
        // PostgreSQL keeps microseconds: the answer shows the time exactly as it will be read back
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        source.closeByMerge(target.id, now);
        return tx.preparedQuery(MOVE_MESSAGES).execute(Tuple.of(source.id, target.id, targetLastSeq))
                .map(rows -> rows.iterator().next().getInteger("n"))
                .flatMap(moved -> sla.merged(source, now)
                        .flatMap(clocks -> tx.preparedQuery(CLOSE_SOURCE).execute(SlaClocks.parameters(
                                Tuple.of(source.id, source.status.name(), Timeline.utc(now), target.id), clocks)))
                        .flatMap(ignored -> tx.preparedQuery(GROW_TARGET)
                                .execute(Tuple.of(target.id, moved, Timeline.utc(now))))
                        .flatMap(ignored -> tx.preparedQuery(REPOINT).execute(Tuple.of(source.id, target.id)))
                        .flatMap(ignored -> {
                            TicketEvents.Change change = events.merged(source, target, moved, actor);
                            Tuple parameters = OutboxEvent.addArrays(Tuple.tuple(), change.events());
                            Timeline.parameters(parameters, source.id, now, sourceTimeline + 1, change.timeline());
                            return tx.preparedQuery(EVENTS_AND_SOURCE_ENTRY).execute(parameters)
                                    .flatMap(ignored2 -> tx.preparedQuery(TARGET_ENTRY).execute(Timeline.parameters(
                                            Tuple.tuple(), target.id, now, targetTimeline + 1, change.timeline())));
                        })
                        .map(ignored -> new Merged(source.id, target.id, moved)));
    }
}
