package com.logishift.support.ticket.service;

import com.logishift.support.kit.Commits;
import com.logishift.support.kit.Ids;
import com.logishift.support.kit.ProblemException;
import com.logishift.support.ticket.Actor;
import com.logishift.support.ticket.Ticket;
import com.logishift.support.ticket.TicketStatus;
import com.logishift.support.ticket.assignment.AgentLoad;
import com.logishift.support.ticket.attachment.Attachments;
import com.logishift.support.ticket.assignment.AgentLoads;
import com.logishift.support.ticket.assignment.AssignmentPolicy;
import com.logishift.support.kit.outbox.OutboxEvent;
import com.logishift.support.ticket.conversation.AttachmentIds;
import com.logishift.support.ticket.conversation.ConversationConfig;
import com.logishift.support.ticket.conversation.Timeline;
import com.logishift.support.ticket.event.TicketEvents;
import com.logishift.support.ticket.sla.SlaClocks;
import com.logishift.support.ticket.sla.SlaPolicies;
import com.logishift.support.ticket.rest.CreateTicketRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Ticket creation, the system's hottest write, in plain SQL: three statements and no ORM session.
 * The ticket, its outbox events (created, and assigned when an approved agent exists) and its
 * timeline entries go into the database in one statement, so they commit together exactly as in the
 * other use cases; the trigger of migrations V2/V3 appends the agent's new load to the ledger in that
 * same statement ({@link AgentLoads}). Through Hibernate Reactive the same work took nine round trips
 * and several times the CPU (measured in the benchmark notes), so this one use case trades the ORM
 * for speed.
 */
@Startup // registers its metrics at start, so they read 0 rather than being absent
@ApplicationScoped
public class TicketCreation {

    private static final String INSERT_TICKET_EVENTS_AND_TIMELINE = """
            WITH new_ticket AS (
                INSERT INTO ticket (id, reference, subject, description, category, priority, status, customer_id,
                                    customer_name, customer_email, delivery_id, assignee_id, assigned_at,
                                    resolution_count, created_at, updated_at, version, follow_up_of, timeline_seq,
                                    %s)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 0, $14, $14, 0, $15, $16, %s)),
            events AS (%s)
            """.formatted(SlaClocks.insertColumns(), SlaClocks.insertValues(36), OutboxEvent.insertSql(17))
            + Timeline.insertSql(17 + OutboxEvent.ARRAYS);

    /** The next reference number and the SLA policy version the new ticket is created under. */
    private static final String NUMBER_AND_POLICY = "SELECT nextval('ticket_reference_seq') AS number, "
            + SlaPolicies.CURRENT_VERSION_SQL + " AS sla_version";

    private static final String FOLLOWED_TICKET = "SELECT customer_id, status FROM ticket WHERE id = $1";

    private final Pool pool;
    private final AgentLoads agentLoads;
    private final TicketEvents events;
    private final ConversationConfig config;
    private final Attachments attachments;
    private final SlaClocks sla;
    private final Clock clock;
    /** Every path: the web form, follow-ups, incoming mail; counted once committed. */
    private final Counter created;

    public TicketCreation(Pool pool, AgentLoads agentLoads, TicketEvents events, ConversationConfig config,
            Attachments attachments, SlaClocks sla, Clock clock, MeterRegistry metrics) {
        this.created = metrics.counter("support.tickets.created");
        this.sla = sla;
        this.attachments = attachments;
        this.pool = pool;
        this.agentLoads = agentLoads;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /** Opens the ticket, auto-assigned to the least-loaded approved agent if there is one. */
    public Uni<TicketDetails> create(Actor customer, CreateTicketRequest request) {
        return create(null, customer, request);
    }

    /** The same, written in the caller's transaction when {@code tx} is not null (incoming mail). */
    public Uni<TicketDetails> create(SqlConnection tx, Actor customer, CreateTicketRequest request) {
        UUID followUpOf = request.followUpOf() == null ? null : Ids.parse("followUpOf", request.followUpOf());
        List<UUID> attachmentIds = AttachmentIds.parse(request.attachmentIds(), config.maxAttachments());
        return followable(customer, followUpOf)
                .flatMap(ignored -> pool.query(NUMBER_AND_POLICY).execute())
                .map(rows -> rows.iterator().next())
                .flatMap(numbered -> agentLoads.approved().flatMap(agents -> {
                    // PostgreSQL keeps microseconds: the clocks computed here are the ones read back
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    Ticket ticket = Ticket.open(numbered.getLong("number"), customer, request.subject(),
                            request.description(), request.category(), request.priority(), request.deliveryId(), now);
                    ticket.followUpOf = followUpOf;
                    List<TicketEvents.Change> changes = new ArrayList<>(2);
                    changes.add(events.created(ticket, customer));
                    Optional<AgentLoad> chosen = AssignmentPolicy.choose(agents.loads());
                    String assigneeName = null;
                    if (chosen.isPresent()) {
                        ticket.assignTo(chosen.get().agentId(), now);
                        changes.add(events.assigned(ticket, null, TicketEvents.AssignmentMode.AUTO, null));
                        assigneeName = agents.names().get(chosen.get().agentId());
                    }
                    String name = assigneeName;
                    return sla.opened(ticket, numbered.getInteger("sla_version")).flatMap(clocks -> {
                        if (tx != null) {
                            return written(tx, customer, ticket, changes, clocks, attachmentIds, name);
                        }
                        if (attachmentIds.isEmpty()) { // the hot path: one statement, no transaction round trips
                            return insert(pool, ticket, TicketEvents.Change.of(changes), clocks)
                                    .map(ignored -> new TicketDetails(ticket, name, null, null, List.of()));
                        }
                        // the uploads become the ticket's in the ticket's own transaction: a refused id
                        // leaves neither a ticket nor a claimed file behind
                        return pool.withTransaction(own -> written(own, customer, ticket, changes, clocks, attachmentIds,
                                name));
                    });
                }));
    }

    private Uni<TicketDetails> written(SqlConnection tx, Actor customer, Ticket ticket, List<TicketEvents.Change> changes,
            SlaClocks.Write clocks, List<UUID> attachmentIds, String assigneeName) {
        return attachments.claim(tx, customer.id(), attachmentIds, ticket.id, null)
                .flatMap(files -> {
                    List<TicketEvents.Change> all = new ArrayList<>(changes);
                    if (!files.isEmpty()) {
                        all.add(1, events.filesAttached(files, customer, ticket.createdAt));
                    }
                    return insert(tx, ticket, TicketEvents.Change.of(all), clocks)
                            .map(ignored -> new TicketDetails(ticket, assigneeName, null, null, files));
                });
    }

    /** The ticket a follow-up names must be the caller's own and CLOSED; anything else looks the same. */
    private Uni<Void> followable(Actor customer, UUID followUpOf) {
        if (followUpOf == null) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(FOLLOWED_TICKET).execute(Tuple.of(followUpOf)).map(rows -> {
            var row = rows.size() == 0 ? null : rows.iterator().next();
            if (row == null || !customer.id().equals(row.getUUID("customer_id"))
                    || TicketStatus.valueOf(row.getString("status")) != TicketStatus.CLOSED) {
                throw ProblemException.invalidField("followUpOf", "must be one of your own closed tickets");
            }
            return null;
        });
    }

    private Uni<Void> insert(SqlClient db, Ticket ticket, TicketEvents.Change change, SlaClocks.Write clocks) {
        return db.preparedQuery(INSERT_TICKET_EVENTS_AND_TIMELINE)
                .execute(SlaClocks.parameters(parameters(ticket, change), clocks))
                .invoke(() -> Commits.afterCommit(db, created::increment))
                .replaceWithVoid();
    }

    private static Tuple parameters(Ticket t, TicketEvents.Change change) {
        Tuple tuple = Tuple.tuple()
                .addUUID(t.id).addString(t.reference).addString(t.subject).addString(t.description)
                .addString(t.category.name()).addString(t.priority.name()).addString(t.status.name())
                .addUUID(t.customerId).addString(t.customerName).addString(t.customerEmail)
                .addString(t.deliveryId).addUUID(t.assigneeId).addOffsetDateTime(offset(t.assignedAt))
                .addOffsetDateTime(offset(t.createdAt)).addUUID(t.followUpOf)
                .addInteger(change.timeline().size());
        OutboxEvent.addArrays(tuple, change.events());
        return Timeline.parameters(tuple, t.id, t.createdAt, 1, change.timeline());
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

}
