package com.logishift.support.ticket.assignment;

import com.logishift.support.ticket.Ticket;
import com.logishift.support.ticket.TicketStatus;
import com.logishift.support.ticket.agent.Agent;
import com.logishift.support.ticket.event.TicketEvents;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Hands tickets to approved agents: each new ticket on creation, and the waiting queue whenever an
 * agent is approved. Must be called inside the caller's transaction.
 */
@ApplicationScoped
public class AssignmentService {

    /** The queue is drained in chunks so one approval never builds an unbounded transaction. */
    static final int DRAIN_CHUNK = 500;

    private final TicketEvents events;

    public AssignmentService(TicketEvents events) {
        this.events = events;
    }

    /** Assigns a just-created ticket to the least-loaded approved agent, if there is one. */
    public Uni<Optional<UUID>> autoAssign(Ticket ticket, Instant now) {
        return approvedAgentLoads().flatMap(loads -> {
            Optional<AgentLoad> chosen = AssignmentPolicy.choose(loads);
            if (chosen.isEmpty()) {
                return Uni.createFrom().item(Optional.<UUID>empty()); // waits in the queue
            }
            UUID agentId = chosen.get().agentId();
            ticket.assignTo(agentId, now);
            return events.assigned(ticket, null, TicketEvents.AssignmentMode.AUTO, null)
                    .replaceWith(Optional.of(agentId));
        });
    }

    /** Hands queued (unassigned OPEN) tickets out, oldest first; returns how many were assigned. */
    public Uni<Integer> drainQueue(Instant now) {
        return approvedAgentLoads().flatMap(initialLoads -> {
            if (initialLoads.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            List<AgentLoad> loads = new ArrayList<>(initialLoads);
            return Ticket.<Ticket>find("assigneeId is null and status = ?1",
                            Sort.ascending("createdAt").and("id"), TicketStatus.OPEN)
                    .page(0, DRAIN_CHUNK).list()
                    .flatMap(queued -> Multi.createFrom().iterable(queued)
                            .onItem().transformToUniAndConcatenate(ticket -> {
                                AgentLoad chosen = AssignmentPolicy.choose(loads).orElseThrow();
                                loads.remove(chosen);
                                loads.add(chosen.withOneMore(now));
                                ticket.assignTo(chosen.agentId(), now);
                                return events.assigned(ticket, null, TicketEvents.AssignmentMode.AUTO, null);
                            })
                            .collect().asList()
                            .map(List::size));
        });
    }

    /**
     * Approved agents with their count of unresolved tickets and when they last received one —
     * read from the tickets themselves (indexed), so assigning never writes to a shared row.
     */
    private Uni<List<AgentLoad>> approvedAgentLoads() {
        return Panache.getSession().flatMap(session -> session.createSelectionQuery("""
                        select a.id,
                               (select max(t.assignedAt) from Ticket t where t.assigneeId = a.id),
                               a.approvedAt,
                               (select count(t) from Ticket t where t.assigneeId = a.id and t.status in (:unresolved))
                          from Agent a
                         where a.status = :approved""", Object[].class)
                .setParameter("unresolved", TicketStatus.UNRESOLVED)
                .setParameter("approved", Agent.Status.APPROVED)
                .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new AgentLoad((UUID) row[0], (Long) row[3], (Instant) row[1], (Instant) row[2]))
                        .toList());
    }
}
