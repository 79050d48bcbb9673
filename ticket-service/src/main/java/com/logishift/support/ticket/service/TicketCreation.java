package com.logishift.support.ticket.service;

import com.logishift.support.ticket.Actor;
import com.logishift.support.ticket.Ticket;
import com.logishift.support.ticket.assignment.AgentLoad;
import com.logishift.support.ticket.assignment.AgentLoads;
import com.logishift.support.ticket.assignment.AssignmentPolicy;
import com.logishift.support.kit.outbox.OutboxEvent;
import com.logishift.support.ticket.event.TicketEvents;
import com.logishift.support.ticket.rest.CreateTicketRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Ticket creation, the system's hottest write, in plain SQL: three statements and no ORM session.
 * The ticket and its outbox events (created, and assigned when an approved agent exists) go into
 * the database in one statement, so they commit together exactly as in the other use cases; the
 * trigger of migrations V2/V3 appends the agent's new load to the ledger in that same statement
 * ({@link AgentLoads}). Through
 * Hibernate Reactive the same work took nine round trips and several times the CPU (measured in
 * the benchmark notes), so this one use case trades the ORM for speed.
 */
@ApplicationScoped
public class TicketCreation {

    private static final String INSERT_TICKET_AND_EVENTS = """
            WITH new_ticket AS (
                INSERT INTO ticket (id, reference, subject, description, category, priority, status, customer_id,
                                    customer_name, customer_email, delivery_id, assignee_id, assigned_at,
                                    resolution_count, created_at, updated_at, version)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 0, $14, $14, 0))
            INSERT INTO outbox_event (id, aggregate_type, aggregate_id, event_type, payload, occurred_at)
            SELECT * FROM unnest($15::uuid[], $16::varchar[], $17::varchar[], $18::varchar[], $19::text[],
                                 $20::timestamptz[])""";

    private final Pool pool;
    private final AgentLoads agentLoads;
    private final TicketEvents events;
    private final Clock clock;

    public TicketCreation(Pool pool, AgentLoads agentLoads, TicketEvents events, Clock clock) {
        this.pool = pool;
        this.agentLoads = agentLoads;
        this.events = events;
        this.clock = clock;
    }

    /** Opens the ticket, auto-assigned to the least-loaded approved agent if there is one. */
    public Uni<TicketDetails> create(Actor customer, CreateTicketRequest request) {
        return pool.query("SELECT nextval('ticket_reference_seq') AS number").execute()
                .map(rows -> rows.iterator().next().getLong("number"))
                .flatMap(number -> agentLoads.approved().flatMap(agents -> {
                    Instant now = clock.instant();
                    Ticket ticket = Ticket.open(number, customer, request.subject(), request.description(),
                            request.category(), request.priority(), request.deliveryId(), now);
                    List<OutboxEvent> outbox = new ArrayList<>(2);
                    outbox.add(events.createdEvent(ticket));
                    Optional<AgentLoad> chosen = AssignmentPolicy.choose(agents.loads());
                    String assigneeName = null;
                    if (chosen.isPresent()) {
                        ticket.assignTo(chosen.get().agentId(), now);
                        outbox.add(events.assignedEvent(ticket, null, TicketEvents.AssignmentMode.AUTO, null));
                        assigneeName = agents.names().get(chosen.get().agentId());
                    }
                    String name = assigneeName;
                    return pool.preparedQuery(INSERT_TICKET_AND_EVENTS).execute(parameters(ticket, outbox))
                            .map(ignored -> new TicketDetails(ticket, name, null, null));
                }));
    }

    private static Tuple parameters(Ticket t, List<OutboxEvent> outbox) {
        int n = outbox.size();
        UUID[] ids = new UUID[n];
        String[] aggregateTypes = new String[n];
        String[] aggregateIds = new String[n];
        String[] types = new String[n];
        String[] payloads = new String[n];
        OffsetDateTime[] occurredAt = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            OutboxEvent e = outbox.get(i);
            ids[i] = e.id;
            aggregateTypes[i] = e.aggregateType;
            aggregateIds[i] = e.aggregateId;
            types[i] = e.eventType;
            payloads[i] = e.payload;
            occurredAt[i] = offset(e.occurredAt);
        }
        return Tuple.tuple()
                .addUUID(t.id).addString(t.reference).addString(t.subject).addString(t.description)
                .addString(t.category.name()).addString(t.priority.name()).addString(t.status.name())
                .addUUID(t.customerId).addString(t.customerName).addString(t.customerEmail)
                .addString(t.deliveryId).addUUID(t.assigneeId).addOffsetDateTime(offset(t.assignedAt))
                .addOffsetDateTime(offset(t.createdAt))
                .addArrayOfUUID(ids).addArrayOfString(aggregateTypes).addArrayOfString(aggregateIds)
                .addArrayOfString(types).addArrayOfString(payloads).addArrayOfOffsetDateTime(occurredAt);
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

}
