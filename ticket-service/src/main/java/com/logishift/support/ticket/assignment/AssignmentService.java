package com.logishift.support.ticket.assignment;

import com.logishift.support.ticket.Ticket;
import com.logishift.support.ticket.TicketStatus;
import com.logishift.support.ticket.event.TicketEvents;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands the waiting queue to approved agents whenever an agent is approved (a new ticket is
 * assigned by {@link com.logishift.support.ticket.service.TicketCreation}, with the same policy).
 * Must be called inside the caller's transaction.
 */
@ApplicationScoped
public class AssignmentService {

    /** The queue is drained in chunks so one approval never builds an unbounded transaction. */
    static final int DRAIN_CHUNK = 500;

    private final TicketEvents events;
    private final AgentLoads agentLoads;

    public AssignmentService(TicketEvents events, AgentLoads agentLoads) {
        this.events = events;
        this.agentLoads = agentLoads;
    }

    /** Hands queued (unassigned OPEN) tickets out, oldest first; returns how many were assigned. */
    public Uni<Integer> drainQueue(Instant now) {
        return agentLoads.approvedInSession().flatMap(initialLoads -> {
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
}
