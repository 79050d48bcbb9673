package com.logishift.support.ticket.assignment;

import com.logishift.support.ticket.Actor;
import com.logishift.support.ticket.Role;
import com.logishift.support.ticket.Ticket;
import com.logishift.support.ticket.conversation.TimelineEntry;
import com.logishift.support.ticket.TicketStatus;
import com.logishift.support.ticket.event.TicketEvents;
import com.logishift.support.ticket.sla.SlaClocks;
import jakarta.persistence.LockModeType;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * Hands the waiting queue to approved agents whenever an agent is approved or reactivated, and a
 * deactivated agent's tickets to the others (a new ticket is assigned by
 * {@link com.logishift.support.ticket.service.TicketCreation}, with the same policy).
 * Must be called inside the caller's transaction.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class AssignmentService {

    /** The queue is drained in chunks so one approval never builds an unbounded transaction. */
    static final int DRAIN_CHUNK = 500;

    private final TicketEvents events;
    private final AgentLoads agentLoads;
    private final SlaClocks sla;

    /** What happened to a deactivated agent's unresolved tickets. */
    public record HandOver(int reassigned, int queued) {
    }

    /**
     * A deactivated agent's unresolved tickets (OPEN, IN_PROGRESS, ON_HOLD), oldest first, each to the
     * least-loaded other approved agent with its status unchanged; when there is none, back to the
     * queue ({@link Ticket#returnToQueue}). The agent must no longer be APPROVED in this transaction.
     * {@code by} (the admin who deactivated them) is the actor of the resulting events.
     */
    public Uni<HandOver> handOver(UUID agentId, UUID by, Instant now) {
        return agentLoads.approvedInSession().flatMap(initialLoads -> {
            List<AgentLoad> loads = new ArrayList<>(initialLoads);
            loads.removeIf(load -> load.agentId().equals(agentId));
            int[] queued = {0};
            // locked: a ticket on hold that goes back to the queue resumes its SLA clock (SlaClocks)
            return Ticket.<Ticket>find("assigneeId = ?1 and " + TicketStatus.unresolvedHql(),
                            Sort.ascending("createdAt").and("id"), agentId)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                    .flatMap(tickets -> Multi.createFrom().iterable(tickets)
                            .onItem().transformToUniAndConcatenate(ticket -> {
                                Optional<AgentLoad> chosen = AssignmentPolicy.choose(loads);
                                if (chosen.isPresent()) {
                                    loads.remove(chosen.get());
                                    loads.add(chosen.get().withOneMore(now));
                                    ticket.assignTo(chosen.get().agentId(), now);
                                    return events.record(
                                            events.assigned(ticket, agentId, TicketEvents.AssignmentMode.AUTO, null));
                                }
                                queued[0]++;
                                TicketStatus before = ticket.returnToQueue(now);
                                Actor admin = TimelineEntry.actor(by, Role.ADMIN);
                                Uni<Void> unassigned = events.record(events.unassigned(ticket, agentId, admin));
                                return before == TicketStatus.OPEN ? unassigned
                                        : unassigned.flatMap(ignored ->
                                                events.record(events.statusChanged(ticket, before, admin)))
                                        .flatMap(ignored -> sla.statusChanged(ticket, now))
                                        .flatMap(clocks -> SlaClocks.saveInSession(ticket.id, clocks));
                            })
                            .collect().asList()
                            .map(done -> new HandOver(done.size() - queued[0], queued[0])));
        });
    }

    /** Hands queued (unassigned OPEN) tickets out, oldest first; returns how many were assigned. */
    public Uni<Integer> drainQueue(Instant now) {
        return agentLoads.approvedInSession().flatMap(initialLoads -> {
            if (initialLoads.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            List<AgentLoad> loads = new ArrayList<>(initialLoads);
            return Ticket.<Ticket>find(TicketStatus.queueHql(), Sort.ascending("createdAt").and("id"))
                    .page(0, DRAIN_CHUNK).list()
                    .flatMap(queued -> Multi.createFrom().iterable(queued)
                            .onItem().transformToUniAndConcatenate(ticket -> {
                                AgentLoad chosen = AssignmentPolicy.choose(loads).orElseThrow();
                                loads.remove(chosen);
                                loads.add(chosen.withOneMore(now));
                                ticket.assignTo(chosen.agentId(), now);
                                return events.record(
                                        events.assigned(ticket, null, TicketEvents.AssignmentMode.AUTO, null));
                            })
                            .collect().asList()
                            .map(List::size));
        });
    }
}
