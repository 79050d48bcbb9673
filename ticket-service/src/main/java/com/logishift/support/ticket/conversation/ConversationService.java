package com.logishift.support.ticket.conversation;

import com.logishift.support.ticket.attachment.Attachments;
import com.logishift.support.kit.Commits;
import com.logishift.support.kit.Page;
import com.logishift.support.ticket.Actor;
import com.logishift.support.ticket.Priority;
import com.logishift.support.ticket.Ticket;
import com.logishift.support.ticket.TicketStatus;
import com.logishift.support.kit.outbox.OutboxEvent;
import com.logishift.support.ticket.event.TicketActivity;
import com.logishift.support.ticket.event.TicketEvents;
import com.logishift.support.ticket.sla.SlaClocks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Posting and reading a ticket's thread, the conversation's hot path, in plain SQL on one pool
 * transaction: lock the ticket row (which orders every writer of that ticket), look for a retried
 * post, then write the ticket's counters and state, the message, its events and its timeline
 * entries in a single statement. Rules: {@link MessagePolicy}; who sees what: {@link Audience}.
 */
@Startup // registers its metrics at start, so they read 0 rather than being absent
@ApplicationScoped
public class ConversationService {

    /** What a writer selects of a locked ticket row for {@link #ticket(Row)} (merge/ locks two this way). */
    public static final String TICKET_COLUMNS = """
            id, reference, status, priority, customer_id, assignee_id, first_response_at, resolved_at,
                   created_at, updated_at, message_seq, timeline_seq, merged_into_id, %s""".formatted(
            SlaClocks.SELECT_COLUMNS);

    private static final String LOCK_TICKET = "SELECT " + TICKET_COLUMNS + " FROM ticket WHERE id = $1 FOR UPDATE";

    /** The clocks, when the message moved them (a first response, a reopen): rare, so its own statement. */
    private static final String WRITE_SLA = "UPDATE ticket SET " + SlaClocks.assignments(2) + " WHERE id = $1";

    private static final String MESSAGE_COLUMNS = """
            id, seq, author_id, author_name, author_role, visibility, channel, body, created_at""";

    private static final String RETRIED = "SELECT " + MESSAGE_COLUMNS
            + " FROM ticket_message WHERE ticket_id = $1 AND author_id = $2 AND client_message_id = $3";

    /**
     * The ticket's columns the Ticket entity writes change only on a reopen, and then {@code version}
     * goes up with them ($8), so a concurrent Panache writer holding the old row fails its optimistic
     * check instead of overwriting the reopen. first_response_at and the counters are never written
     * by the entity.
     */
    private static final String WRITE = """
            WITH ticket_update AS (
                UPDATE ticket SET message_seq = $2, timeline_seq = $3, status = $4, resolved_at = $5,
                                  first_response_at = $6, updated_at = $7, version = version + $8
                 WHERE id = $1),
            message AS (
                INSERT INTO ticket_message (id, ticket_id, seq, author_id, author_name, author_role, visibility,
                                            channel, body, client_message_id, created_at)
                VALUES ($9, $1, $2, $10, $11, $12, $13, $14, $15, $16, $17)),
            events AS (%s)
            """.formatted(OutboxEvent.insertSql(18)) + Timeline.insertSql(18 + OutboxEvent.ARRAYS);

    private static final String TICKET_AND_TOTAL = """
            SELECT t.customer_id,
                   (SELECT count(*) FROM ticket_message m
                     WHERE m.ticket_id = t.id AND ($2 OR m.visibility = 'PUBLIC')) AS total
              FROM ticket t WHERE t.id = $1""";

    private static final String PAGE = "SELECT " + MESSAGE_COLUMNS + " FROM ticket_message"
            + " WHERE ticket_id = $1 AND seq > $2 AND ($3 OR visibility = 'PUBLIC') ORDER BY seq LIMIT $4";

    private static final String TICKET_OWNER = "SELECT customer_id FROM ticket WHERE id = $1";

    private final Pool pool;
    private final TicketEvents events;
    private final TicketActivity activity;
    private final ConversationConfig config;
    private final Attachments attachments;
    private final SlaClocks sla;
    private final Clock clock;
    /** support.messages.posted per visibility and author (CUSTOMER or STAFF), each there from the start. */
    private final Map<String, Counter> posted = new HashMap<>();

    public ConversationService(Pool pool, TicketEvents events, TicketActivity activity, ConversationConfig config,
            Attachments attachments, SlaClocks sla, Clock clock, MeterRegistry metrics) {
        for (Visibility visibility : Visibility.values()) {
            for (String author : new String[] {"CUSTOMER", "STAFF"}) {
                posted.put(visibility + author, metrics.counter("support.messages.posted",
                        "visibility", visibility.name(), "author", author));
            }
        }
        this.sla = sla;
        this.attachments = attachments;
        this.pool = pool;
        this.events = events;
        this.activity = activity;
        this.config = config;
        this.clock = clock;
    }

    /** The pool the conversation reads from. */
    public Pool pool() {
        return pool;
    }

    /**
     * A new message, or (created false) the one an earlier post with the same clientMessageId made;
     * {@code ticketId} is the ticket it is on (the target when the post named a merged ticket).
     */
    public record Posted(Message message, boolean created, UUID ticketId) {
    }

    /** The locked ticket was merged: the post is made again on the ticket it went to. */
    private static final class MergedAway extends RuntimeException {
        private final UUID into;

        MergedAway(UUID into) {
            super(null, null, false, false);
            this.into = into;
        }
    }

    /** What to post; the body is checked by {@link MessagePolicy#body}. */
    public record Draft(String body, Visibility visibility, List<UUID> attachmentIds, String clientMessageId,
            Channel channel) {
    }

    public Draft draft(Actor author, PostMessageRequest request) {
        String body = MessagePolicy.body(request.body());
        Visibility visibility = MessagePolicy.visibility(author, request.visibility());
        List<UUID> attachmentIds = AttachmentIds.parse(request.attachmentIds(), config.maxAttachments());
        return new Draft(body, visibility, attachmentIds, request.clientMessageId(), Channel.WEB);
    }

    /**
     * A post to a merged ticket lands on the ticket it was merged into (a merge never makes chains, so
     * one hop; the loop only covers a merge committing in between). Its transaction is rolled back
     * first: holding the merged ticket's lock while taking the target's could deadlock with a merge.
     */
    public Uni<Posted> post(Actor author, UUID ticketId, Draft draft) {
        return postOnce(author, ticketId, draft).onFailure(MergedAway.class).recoverWithUni(
                merged -> post(author, ((MergedAway) merged).into, draft));
    }

    private Uni<Posted> postOnce(Actor author, UUID ticketId, Draft draft) {
        return pool.withTransaction(tx -> post(tx, author, ticketId, draft))
                .invoke(posted -> {
                    if (posted.created()) {
                        activity.committed(ticketId);
                    }
                });
    }

    /**
     * The same inside the caller's transaction (incoming mail, which follows merges when it matches);
     * the caller announces its commit. A ticket merged meanwhile fails it with {@link MergedAway}.
     */
    public Uni<Posted> post(SqlConnection tx, Actor author, UUID ticketId, Draft draft) {
        return tx.preparedQuery(LOCK_TICKET).execute(Tuple.of(ticketId))
                .flatMap(rows -> {
                    Row row = rows.size() == 0 ? null : rows.iterator().next();
                    Audience.requireTicket(author, ticketId, row == null ? null : row.getUUID("customer_id"));
                    if (row.getUUID("merged_into_id") != null) {
                        throw new MergedAway(row.getUUID("merged_into_id"));
                    }
                    return retried(tx, ticketId, author, draft.clientMessageId())
                            .flatMap(earlier -> earlier != null
                                    ? Uni.createFrom().item(new Posted(earlier, false, ticketId))
                                    : write(tx, row, author, draft));
                });
    }

    private Uni<Message> retried(SqlConnection tx, UUID ticketId, Actor author, String clientMessageId) {
        if (clientMessageId == null) {
            return Uni.createFrom().nullItem();
        }
        // a new statement after the row lock: it sees a duplicate that committed while we waited
        return tx.preparedQuery(RETRIED).execute(Tuple.of(ticketId, author.id(), clientMessageId))
                .flatMap(rows -> rows.size() == 0 ? Uni.createFrom().<Message>nullItem()
                        : withFiles(tx, List.of(message(rows.iterator().next()))).map(found -> found.get(0)));
    }

    private Uni<Posted> write(SqlConnection tx, Row row, Actor author, Draft draft) {
        // PostgreSQL keeps microseconds: the answer shows the time exactly as it will be read back
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Ticket ticket = ticket(row);
        MessagePolicy.Effect effect = MessagePolicy.accept(ticket, author, draft.visibility(), now);
        int seq = row.getInteger("message_seq") + 1;
        UUID messageId = UUID.randomUUID();
        // the uploads become the message's in this transaction: a refused id rolls everything back
        return attachments.claim(tx, author.id(), draft.attachmentIds(), ticket.id, messageId)
                .flatMap(files -> write(tx, row, ticket, effect, new Message(messageId, seq, author.id(), author.name(),
                        author.role().name(), draft.visibility(), draft.channel(), draft.body(), files, now),
                        author, draft.clientMessageId()));
    }

    private Uni<Posted> write(SqlConnection tx, Row row, Ticket ticket, MessagePolicy.Effect effect, Message message,
            Actor author, String clientMessageId) {
        int seq = message.seq();
        Instant now = message.createdAt();
        List<TicketEvents.Change> changes = new ArrayList<>(2);
        changes.add(events.messagePosted(ticket, message, author));
        if (effect.reopened()) {
            changes.add(events.statusChanged(ticket, effect.reopenedFrom(), author));
        }
        TicketEvents.Change change = TicketEvents.Change.of(changes);
        int firstEntry = row.getInteger("timeline_seq") + 1;
        Tuple parameters = Tuple.tuple()
                .addUUID(ticket.id).addInteger(seq).addInteger(firstEntry + change.timeline().size() - 1)
                .addString(ticket.status.name()).addOffsetDateTime(Timeline.utc(ticket.resolvedAt))
                .addOffsetDateTime(Timeline.utc(ticket.firstResponseAt)).addOffsetDateTime(Timeline.utc(ticket.updatedAt))
                .addInteger(effect.reopened() ? 1 : 0)
                .addUUID(message.id()).addUUID(message.authorId()).addString(message.authorName())
                .addString(message.authorRole()).addString(message.visibility().name())
                .addString(message.channel().name()).addString(message.body()).addString(clientMessageId)
                .addOffsetDateTime(Timeline.utc(now));
        OutboxEvent.addArrays(parameters, change.events());
        Timeline.parameters(parameters, ticket.id, now, firstEntry, change.timeline());
        Counter counted = posted.get(message.visibility().name() + (author.role().isStaff() ? "STAFF" : "CUSTOMER"));
        return tx.preparedQuery(WRITE).execute(parameters)
                .flatMap(ignored -> clocks(tx, ticket, effect, now))
                .invoke(() -> Commits.afterCommit(tx, counted::increment))
                .map(ignored -> new Posted(message, true, ticket.id));
    }

    /** A first response stops its clock; a reopen resumes the resolution clock. */
    private Uni<Void> clocks(SqlConnection tx, Ticket ticket, MessagePolicy.Effect effect, Instant now) {
        Uni<SlaClocks.Write> moved;
        if (effect.firstResponse()) {
            moved = sla.firstResponded(ticket, now);
        } else if (effect.reopened()) {
            moved = sla.statusChanged(ticket, now);
        } else {
            return Uni.createFrom().voidItem();
        }
        return moved.flatMap(write -> write == null ? Uni.createFrom().voidItem()
                : tx.preparedQuery(WRITE_SLA).execute(SlaClocks.parameters(Tuple.of(ticket.id), write))
                        .replaceWithVoid());
    }

    /** The thread after {@code after}, as the caller may see it. */
    public Uni<Page<Message>> messages(Actor actor, UUID ticketId, int after, int size) {
        boolean internalToo = Audience.seesInternal(actor);
        Uni<RowSet<Row>> ticket = pool.preparedQuery(TICKET_AND_TOTAL).execute(Tuple.of(ticketId, internalToo));
        Uni<RowSet<Row>> page = pool.preparedQuery(PAGE).execute(Tuple.of(ticketId, after, internalToo, size));
        return Uni.combine().all().unis(ticket, page).asTuple().flatMap(both -> {
            RowSet<Row> ticketRows = both.getItem1();
            Row row = ticketRows.size() == 0 ? null : ticketRows.iterator().next();
            Audience.requireTicket(actor, ticketId, row == null ? null : row.getUUID("customer_id"));
            List<Message> items = new ArrayList<>(both.getItem2().size());
            for (Row m : both.getItem2()) {
                items.add(message(m));
            }
            long total = row.getLong("total");
            return withFiles(pool, items).map(withFiles -> new Page<>(withFiles, total, 0, size));
        });
    }

    /** The timeline after {@code after}, as the caller may see it. */
    public Uni<Page<TimelineView>> timeline(Actor actor, UUID ticketId, int after, int size) {
        return requireReadable(pool, actor, ticketId)
                .flatMap(ignored -> Timeline.read(pool, ticketId, Audience.seesInternal(actor), after, size));
    }

    /** 404 unless the caller may read the ticket. */
    public static Uni<Void> requireReadable(SqlClient db, Actor actor, UUID ticketId) {
        return db.preparedQuery(TICKET_OWNER).execute(Tuple.of(ticketId)).map(rows -> {
            Audience.requireTicket(actor, ticketId,
                    rows.size() == 0 ? null : rows.iterator().next().getUUID("customer_id"));
            return null;
        });
    }

    /** Messages by id, with their files (the stream's MESSAGE and NOTE entries carry them). */
    public Uni<List<Message>> byIds(SqlClient db, List<UUID> ids) {
        return db.preparedQuery("SELECT " + MESSAGE_COLUMNS + " FROM ticket_message WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new))).flatMap(rows -> {
                    List<Message> messages = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        messages.add(message(row));
                    }
                    return withFiles(db, messages);
                });
    }

    /** The messages with the files attached to each (one query for the lot). */
    private Uni<List<Message>> withFiles(SqlClient db, List<Message> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().item(messages);
        }
        return attachments.ofMessages(db, messages.stream().map(Message::id).toList()).map(files -> messages.stream()
                .map(m -> files.containsKey(m.id()) ? m.withAttachments(files.get(m.id())) : m)
                .toList());
    }

    static Message message(Row row) {
        return new Message(row.getUUID("id"), row.getInteger("seq"), row.getUUID("author_id"),
                row.getString("author_name"), row.getString("author_role"),
                Visibility.valueOf(row.getString("visibility")), Channel.valueOf(row.getString("channel")),
                row.getString("body"), List.of(), row.getOffsetDateTime("created_at").toInstant());
    }

    /** A row of {@link #TICKET_COLUMNS} as the domain object the rules work on (not managed by Hibernate). */
    public static Ticket ticket(Row row) {
        Ticket t = new Ticket();
        t.id = row.getUUID("id");
        t.reference = row.getString("reference");
        t.status = TicketStatus.valueOf(row.getString("status"));
        t.priority = Priority.valueOf(row.getString("priority"));
        SlaClocks.read(row, t);
        t.customerId = row.getUUID("customer_id");
        t.assigneeId = row.getUUID("assignee_id");
        t.mergedIntoId = row.getUUID("merged_into_id");
        t.firstResponseAt = instant(row.getOffsetDateTime("first_response_at"));
        t.resolvedAt = instant(row.getOffsetDateTime("resolved_at"));
        t.createdAt = instant(row.getOffsetDateTime("created_at"));
        t.updatedAt = instant(row.getOffsetDateTime("updated_at"));
        return t;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
