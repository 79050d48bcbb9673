package com.logishift.support.ticket.service;

import com.logishift.support.ticket.Actor;
import com.logishift.support.ticket.Ticket;
import com.logishift.support.ticket.TicketFeedback;
import com.logishift.support.ticket.TicketStatus;
import com.logishift.support.ticket.agent.Agent;
import com.logishift.support.ticket.attachment.AttachmentRef;
import com.logishift.support.ticket.attachment.Attachments;
import com.logishift.support.ticket.conversation.Visibility;
import com.logishift.support.ticket.conversation.StoredMessage;
import com.logishift.support.kit.Page;
import com.logishift.support.kit.ProblemException;
import com.logishift.support.ticket.event.TicketActivity;
import com.logishift.support.ticket.event.TicketEvents;
import com.logishift.support.ticket.merge.PossibleDuplicates;
import com.logishift.support.ticket.rest.CreateTicketRequest;
import com.logishift.support.ticket.sla.SlaClocks;
import com.logishift.support.ticket.Priority;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;

/**
 * Ticket use cases. Each public method is one transaction that changes the ticket and appends its
 * events to the outbox together; {@link TicketActivity} follows once the transaction has committed.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class TicketService {

    private static final Sort NEWEST_FIRST = Sort.descending("createdAt").and("id", Sort.Direction.Descending);
    private static final Sort OLDEST_FIRST = Sort.ascending("createdAt").and("id");
    /** sort=slaDue: the nearest running due of an unresolved ticket first, the rest last, then the list's own order. */
    private static final String SLA_DUE = "slaDueAt";

    private final TicketEvents events;
    private final TicketCreation creation;
    private final TicketActivity activity;
    private final Attachments attachments;
    private final TicketCounts counts;
    private final Pool pool;
    private final SlaClocks sla;
    private final PossibleDuplicates duplicates;
    private final Clock clock;

    /** Ticket creation is the hot path and lives in {@link TicketCreation} (plain SQL). */
    public Uni<TicketDetails> create(Actor customer, CreateTicketRequest request) {
        return creation.create(customer, request).invoke(created -> activity.committed(created.ticket().id));
    }

    /** One ticket as the caller may see it; 404 for a customer's view of someone else's ticket. */
    public Uni<TicketDetails> get(Actor actor, UUID id) {
        return Panache.withSession(() -> visibleTicket(actor, id).flatMap(t -> details(t, actor.role().isStaff())))
                .flatMap(this::withFiles).flatMap(this::withSla).flatMap(this::withDuplicates);
    }

    public Uni<Page<TicketDetails>> list(TicketFilter filter, int page, int size, boolean oldestFirst) {
        return list(filter, page, size, oldestFirst, false);
    }

    /** {@code bySlaDue}: the nearest running SLA due first (none last), then the list's own order. */
    public Uni<Page<TicketDetails>> list(TicketFilter filter, int page, int size, boolean oldestFirst,
            boolean bySlaDue) {
        Map<String, Object> parameters = new HashMap<>();
        String where = filter.where(parameters);
        Sort order = oldestFirst ? OLDEST_FIRST : NEWEST_FIRST;
        if (bySlaDue) {
            Sort byDue = Sort.by(SLA_DUE, Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_LAST);
            order.getColumns().forEach(c -> byDue.and(c.getName(), c.getDirection()));
            order = byDue;
        }
        Sort sort = order;
        // the exact total first: a page past the last match is answered without reading tickets (for a
        // combination of filters that matches nothing, the page query walked a whole index in date order)
        return total(filter, where, parameters).flatMap(total -> (long) page * size >= total
                ? Uni.createFrom().item(new Page<TicketDetails>(List.of(), total, page, size))
                : Panache.withSession(() -> Ticket.<Ticket>find(where, sort, parameters).page(page, size).list()
                        .flatMap(tickets -> assigneeNames(tickets).map(names -> new Page<>(tickets.stream()
                                .map(t -> new TicketDetails(t, t.assigneeId == null ? null : names.get(t.assigneeId),
                                        null, null, null)).toList(), total, page, size))))
                        .flatMap(this::withSla));
    }

    /**
     * The tickets with these ids as the lists show them (assignee's name, SLA clocks), in the order
     * given; ids without a ticket are left out. For callers that chose the tickets themselves (search).
     */
    public Uni<List<TicketDetails>> listed(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.withSession(() -> Ticket.<Ticket>list("id in ?1", ids).flatMap(found -> assigneeNames(found)
                        .map(names -> {
                            Map<UUID, Ticket> byId = found.stream().collect(Collectors.toMap(t -> t.id, t -> t));
                            return ids.stream().map(byId::get).filter(Objects::nonNull)
                                    .map(t -> new TicketDetails(t, t.assigneeId == null ? null : names.get(t.assigneeId),
                                            null, null, null)).toList();
                        })))
                .flatMap(details -> withSla(new Page<>(details, details.size(), 0, Math.max(1, details.size()))))
                .map(Page::items);
    }

    /**
     * Exact either way: from the counters for every filter they cover (a count(*) took seconds at a
     * million tickets), else — a customer's own list, small — counted through the filter's index.
     */
    private Uni<Long> total(TicketFilter filter, String where, Map<String, Object> parameters) {
        return TicketCounts.covers(filter) ? counts.total(filter)
                : Panache.withSession(() -> Ticket.count(where, parameters));
    }

    /** The clocks as staff see them now, read once the session has closed (policies may need the pool). */
    private Uni<Page<TicketDetails>> withSla(Page<TicketDetails> found) {
        return sla.views(found.items().stream().map(TicketDetails::ticket).toList())
                .map(views -> found.map(d -> d.withSla(views.get(d.ticket().id))));
    }

    private Uni<TicketDetails> withSla(TicketDetails details) {
        return sla.views(List.of(details.ticket())).map(views -> details.withSla(views.get(details.ticket().id)));
    }

    public Uni<TicketDetails> assignSelf(Actor agent, UUID id) {
        return inTransaction(() -> visibleTicket(agent, id).flatMap(ticket -> {
            UUID previous = ticket.assigneeId;
            TicketStatus before = ticket.status;
            if (!ticket.takeBy(agent.id(), clock.instant())) {
                return details(ticket, true); // already theirs and in progress
            }
            // auto-assigned to this very agent already: only the start of work is news
            Uni<Void> assigned = agent.id().equals(previous) ? Uni.createFrom().voidItem()
                    : events.record(events.assigned(ticket, previous, TicketEvents.AssignmentMode.SELF, agent));
            return assigned
                    .flatMap(ignored -> events.record(events.statusChanged(ticket, before, agent)))
                    .flatMap(ignored -> details(ticket, true));
        }));
    }

    /**
     * The row is locked first: the SLA clocks are written from what this transaction read, so no other
     * writer of the clocks may change them in between (they all lock it too).
     */
    public Uni<TicketDetails> changeStatus(Actor actor, UUID id, TicketStatus target) {
        return inTransaction(() -> visibleTicket(actor, id, LockModeType.PESSIMISTIC_WRITE).flatMap(ticket -> {
            Instant now = clock.instant();
            TicketStatus from = ticket.changeStatus(target, actor, now);
            return events.record(events.statusChanged(ticket, from, actor))
                    .flatMap(ignored -> sla.statusChanged(ticket, now))
                    .flatMap(clocks -> SlaClocks.saveInSession(ticket.id, clocks))
                    .flatMap(ignored -> details(ticket, true));
        }));
    }

    /** The assigned agent or an admin gives the ticket another priority; its SLA targets follow. */
    public Uni<TicketDetails> changePriority(Actor actor, UUID id, Priority target) {
        return inTransaction(() -> visibleTicket(actor, id, LockModeType.PESSIMISTIC_WRITE).flatMap(ticket -> {
            Instant now = clock.instant();
            Priority from = ticket.changePriority(target, actor, now);
            if (from == target) {
                return details(ticket, true); // no change, no event
            }
            return events.record(events.priorityChanged(ticket, from, actor))
                    .flatMap(ignored -> sla.priorityChanged(ticket, now))
                    .flatMap(clocks -> SlaClocks.saveInSession(ticket.id, clocks))
                    .flatMap(ignored -> details(ticket, true));
        }));
    }

    /** Admin: give the ticket to an approved agent, or (agentId null) send an OPEN ticket back to the queue. */
    public Uni<TicketDetails> reassign(Actor admin, UUID id, UUID agentId) {
        return inTransaction(() -> visibleTicket(admin, id).flatMap(ticket -> {
            Instant now = clock.instant();
            if (agentId == null) {
                UUID previous = ticket.unassign(now);
                return events.record(events.unassigned(ticket, previous, admin))
                        .flatMap(ignored -> details(ticket, true));
            }
            return Agent.<Agent>findById(agentId).flatMap(agent -> {
                if (agent == null || agent.status != Agent.Status.APPROVED) {
                    return Uni.createFrom().failure(ProblemException.invalidField("agentId",
                            "must be the id of an approved agent"));
                }
                if (agentId.equals(ticket.assigneeId)) {
                    return details(ticket, true); // no change, no event
                }
                UUID previous = ticket.assignTo(agentId, now);
                return events.record(events.assigned(ticket, previous, TicketEvents.AssignmentMode.ADMIN, admin))
                        .flatMap(ignored -> details(ticket, true));
            });
        }));
    }

    /**
     * The ticket's customer rates a RESOLVED ticket; that closes it. Other customers get 404. The row
     * is locked first: of several submissions at once (a double click, several tabs) one rates the
     * ticket and the others then find it CLOSED (409), instead of all racing into the feedback
     * table's unique constraint.
     */
    public Uni<TicketDetails> submitFeedback(Actor customer, UUID id, int rating, String comment) {
        return inTransaction(() -> visibleTicket(customer, id, LockModeType.PESSIMISTIC_WRITE).flatMap(ticket -> {
            Instant now = clock.instant();
            ticket.acceptFeedback(now);
            TicketFeedback feedback = TicketFeedback.rate(ticket, rating, comment, now);
            return feedback.persist()
                    .flatMap(saved -> events.record(events.statusChanged(ticket, TicketStatus.RESOLVED, customer)))
                    .flatMap(ignored -> events.record(events.feedbackSubmitted(ticket, feedback, customer)))
                    .flatMap(ignored -> details(ticket, false));
        }));
    }

    /**
     * The files attached at creation, read once the Hibernate session has closed: asking the pool for
     * a second connection while the session holds one could starve the pool under load.
     */
    private Uni<TicketDetails> withFiles(TicketDetails details) {
        return attachments.ofTicket(pool, details.ticket().id).map(files -> new TicketDetails(details.ticket(),
                details.assigneeName(), details.notes(), details.feedback(), files));
    }

    private Uni<TicketDetails> inTransaction(Supplier<Uni<TicketDetails>> work) {
        return Panache.withTransaction(work).invoke(changed -> activity.committed(changed.ticket().id))
                .flatMap(this::withFiles).flatMap(this::withSla).flatMap(this::withDuplicates);
    }

    /** The merge suggestions of a staff detail view (the one with notes), read once the session has closed. */
    private Uni<TicketDetails> withDuplicates(TicketDetails details) {
        return details.notes() == null ? Uni.createFrom().item(details)
                : duplicates.of(details.ticket()).map(details::withPossibleDuplicates);
    }

    private Uni<Ticket> visibleTicket(Actor actor, UUID id) {
        return visibleTicket(actor, id, LockModeType.NONE);
    }

    private Uni<Ticket> visibleTicket(Actor actor, UUID id, LockModeType lock) {
        return Ticket.<Ticket>findById(id, lock).map(ticket -> {
            if (ticket == null || !ticket.visibleTo(actor)) {
                throw ProblemException.notFound("No ticket " + id);
            }
            return ticket;
        });
    }

    private Uni<TicketDetails> details(Ticket ticket, boolean withNotes) {
        Uni<String> assigneeName = ticket.assigneeId == null
                ? Uni.createFrom().nullItem()
                : Agent.<Agent>findById(ticket.assigneeId).map(a -> a == null ? null : a.name);
        List<AttachmentRef> files = List.of(); // added by withFiles once the session is closed
        return assigneeName.flatMap(name -> latestFeedback(ticket).flatMap(feedback -> withNotes
                ? StoredMessage.<StoredMessage>find("ticketId = ?1 and visibility = ?2", Sort.ascending("seq"),
                                ticket.id, Visibility.INTERNAL).list()
                        .map(notes -> new TicketDetails(ticket, name,
                                notes.stream().map(StoredMessage::toMessage).toList(), feedback, files))
                : Uni.createFrom().item(new TicketDetails(ticket, name, null, feedback, files))));
    }

    private static Uni<TicketFeedback> latestFeedback(Ticket ticket) {
        if (ticket.resolutionCount == 0) {
            return Uni.createFrom().nullItem();
        }
        return TicketFeedback.<TicketFeedback>find("ticketId = ?1 and resolution = ?2", ticket.id,
                ticket.resolutionCount).firstResult();
    }

    private static Uni<Map<UUID, String>> assigneeNames(List<Ticket> tickets) {
        Set<UUID> ids = tickets.stream().map(t -> t.assigneeId).filter(Objects::nonNull).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Agent.<Agent>list("id in ?1", ids).map(agents -> agents.stream()
                .filter(a -> a.name != null)
                .collect(Collectors.toMap(a -> a.id, a -> a.name)));
    }

    /** The caller's role decides which tickets {@code /api/agent/tickets/} lists. */
    public static TicketFilter agentScope(Actor actor, boolean queue) {
        return queue
                ? TicketFilter.queue()
                : TicketFilter.none().withAssignee(actor.id());
    }
}
