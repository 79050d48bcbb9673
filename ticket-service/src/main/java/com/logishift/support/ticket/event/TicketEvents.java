package com.logishift.support.ticket.event;

import com.logishift.support.ticket.attachment.AttachmentRef;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.ticket.Actor;
import com.logishift.support.ticket.Priority;
import com.logishift.support.ticket.Ticket;
import com.logishift.support.ticket.TicketFeedback;
import com.logishift.support.ticket.TicketStatus;
import com.logishift.support.kit.outbox.OutboxEvent;
import com.logishift.support.ticket.conversation.Message;
import com.logishift.support.ticket.conversation.Timeline;
import com.logishift.support.ticket.conversation.TimelineEntry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * Every recorded change of a ticket, in one place: the events it appends to the outbox and the
 * timeline entries it writes, built together as one {@link Change} so that no change can publish an
 * event without its timeline entry (or the other way round). Both are written inside the transaction
 * that makes the change: the Panache use cases through {@link #record}, the plain-SQL ones (creation,
 * messages) by writing the change's parts in their own statement.
 * Payloads are for the public topic: ids and states, never a message's body or a customer's contact data.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class TicketEvents {

    private final ObjectMapper json;

    /** How a ticket got its assignee. */
    public enum AssignmentMode { AUTO, SELF, ADMIN }

    /** One change of a ticket: its outbox events and timeline entries, all at {@code at}. */
    public record Change(List<OutboxEvent> events, List<TimelineEntry> timeline, Instant at) {

        /** Several changes of one transaction, in order. */
        public static Change of(List<Change> changes) {
            List<OutboxEvent> events = new ArrayList<>();
            List<TimelineEntry> timeline = new ArrayList<>();
            for (Change c : changes) {
                events.addAll(c.events());
                timeline.addAll(c.timeline());
            }
            return new Change(events, timeline, changes.get(0).at());
        }
    }

    public record Created(UUID ticketId, String reference, String subject, String category, String priority,
            String status, UUID customerId, String deliveryId, Instant createdAt) {
    }

    public record Assigned(UUID ticketId, String reference, UUID customerId, UUID assigneeId,
            UUID previousAssigneeId, AssignmentMode mode, UUID assignedBy, String status, Instant assignedAt) {
    }

    public record Unassigned(UUID ticketId, String reference, UUID customerId, UUID previousAssigneeId,
            UUID unassignedBy, Instant unassignedAt) {
    }

    public record StatusChanged(UUID ticketId, String reference, UUID customerId, UUID assigneeId, String from,
            String to, UUID changedBy, Instant changedAt) {
    }

    /** Ids only: the note's body stays inside ticket-service. */
    public record NoteAdded(UUID ticketId, String reference, UUID noteId, UUID authorId, UUID assigneeId,
            Instant addedAt) {
    }

    /**
     * Ids and kinds, and for a PUBLIC message its text (notification-service mails it to the
     * customer); an INTERNAL message's body is null: it never leaves ticket-service.
     */
    public record MessageAdded(UUID ticketId, String reference, UUID messageId, int seq, UUID authorId,
            String authorRole, String authorName, String visibility, String channel, UUID customerId,
            UUID assigneeId, int attachmentCount, String body, Instant createdAt) {
    }

    public record FeedbackSubmitted(UUID ticketId, String reference, UUID customerId, UUID assigneeId, int rating,
            Instant submittedAt) {
    }

    public record PriorityChanged(UUID ticketId, String reference, UUID customerId, UUID assigneeId, String from,
            String to, UUID changedBy, Instant changedAt) {
    }

    /** sla-warning.v1 and sla-breached.v1: which clock, its due, when it was noticed. */
    public record SlaAlerted(UUID ticketId, String reference, String clock, String priority, Instant dueAt,
            UUID customerId, UUID assigneeId, Instant at) {
    }

    /** The ticket was merged into another (and so CLOSED); {@code movedMessages} went to the target. */
    public record Merged(UUID ticketId, String reference, UUID intoTicketId, String intoReference, UUID customerId,
            UUID assigneeId, UUID mergedBy, Instant mergedAt, int movedMessages) {
    }

    // --- the changes --------------------------------------------------------------------------

    public Change created(Ticket t, Actor customer) {
        return change(t.createdAt, event(TicketEventType.CREATED, t, new Created(t.id, t.reference, t.subject,
                t.category.name(), t.priority.name(), t.status.name(), t.customerId, t.deliveryId, t.createdAt),
                t.createdAt), TimelineEntry.created(customer));
    }

    /** {@code by} null: the system assigned it (auto-assignment, hand-over). */
    public Change assigned(Ticket t, UUID previousAssignee, AssignmentMode mode, Actor by) {
        return change(t.updatedAt, event(TicketEventType.ASSIGNED, t, new Assigned(t.id, t.reference, t.customerId,
                t.assigneeId, previousAssignee, mode, id(by), t.status.name(), t.updatedAt), t.updatedAt),
                TimelineEntry.assigned(by, previousAssignee, t.assigneeId));
    }

    public Change unassigned(Ticket t, UUID previousAssignee, Actor by) {
        return change(t.updatedAt, event(TicketEventType.UNASSIGNED, t,
                new Unassigned(t.id, t.reference, t.customerId, previousAssignee, id(by), t.updatedAt), t.updatedAt),
                TimelineEntry.unassigned(by, previousAssignee));
    }

    public Change statusChanged(Ticket t, TicketStatus from, Actor by) {
        return change(t.updatedAt, event(TicketEventType.STATUS_CHANGED, t, new StatusChanged(t.id, t.reference,
                t.customerId, t.assigneeId, from.name(), t.status.name(), id(by), t.updatedAt), t.updatedAt),
                TimelineEntry.statusChanged(by, from, t.status));
    }

    /**
     * A message joined the thread: message-added (and, for an INTERNAL one, note-added as before),
     * its MESSAGE or NOTE entry and one ATTACHMENT entry per file on it.
     */
    public Change messagePosted(Ticket t, Message m, Actor author) {
        List<OutboxEvent> events = new ArrayList<>(2);
        events.add(event(TicketEventType.MESSAGE_ADDED, t, new MessageAdded(t.id, t.reference, m.id(), m.seq(),
                m.authorId(), m.authorRole(), m.authorName(), m.visibility().name(), m.channel().name(), t.customerId,
                t.assigneeId, m.attachments().size(), m.internal() ? null : m.body(), m.createdAt()), m.createdAt()));
        if (m.internal()) {
            events.add(event(TicketEventType.NOTE_ADDED, t,
                    new NoteAdded(t.id, t.reference, m.id(), m.authorId(), t.assigneeId, m.createdAt()),
                    m.createdAt()));
        }
        List<TimelineEntry> timeline = new ArrayList<>(1 + m.attachments().size());
        timeline.add(TimelineEntry.message(author, m.id(), m.visibility()));
        for (AttachmentRef file : m.attachments()) {
            timeline.add(TimelineEntry.attachment(author, file.id(), m.id(), m.internal()));
        }
        return new Change(events, timeline, m.createdAt());
    }

    /**
     * Files the customer attached when opening the ticket: an ATTACHMENT entry each, no event of their
     * own (created.v1 announces the ticket; its files stay inside ticket-service).
     */
    public Change filesAttached(List<AttachmentRef> files, Actor by, Instant at) {
        return new Change(List.of(), files.stream()
                .map(file -> TimelineEntry.attachment(by, file.id(), null, false)).toList(), at);
    }

    public Change feedbackSubmitted(Ticket t, TicketFeedback feedback, Actor customer) {
        return change(feedback.createdAt, event(TicketEventType.FEEDBACK_SUBMITTED, t, new FeedbackSubmitted(t.id,
                t.reference, t.customerId, t.assigneeId, feedback.rating, feedback.createdAt), feedback.createdAt),
                TimelineEntry.feedback(customer, feedback.rating));
    }

    public Change priorityChanged(Ticket t, Priority from, Actor by) {
        return change(t.updatedAt, event(TicketEventType.PRIORITY_CHANGED, t, new PriorityChanged(t.id, t.reference,
                t.customerId, t.assigneeId, from.name(), t.priority.name(), id(by), t.updatedAt), t.updatedAt),
                TimelineEntry.priorityChanged(by, from.name(), t.priority.name()));
    }

    /** An SLA clock reached 80 % ({@code breach} false) or 100 % of its target; noticed by the system at {@code at}. */
    public Change slaAlerted(Ticket t, boolean breach, String clock, Instant dueAt, Instant at) {
        return change(at, event(breach ? TicketEventType.SLA_BREACHED : TicketEventType.SLA_WARNING, t,
                new SlaAlerted(t.id, t.reference, clock, t.priority.name(), dueAt, t.customerId, t.assigneeId, at), at),
                TimelineEntry.slaAlert(breach, clock));
    }

    /**
     * {@code source} was merged into {@code target}: one merged.v1 keyed by the source (it is also the
     * source's close: no status-changed.v1 besides) and a MERGED entry on each ticket.
     */
    public Change merged(Ticket source, Ticket target, int movedMessages, Actor by) {
        Instant at = source.updatedAt;
        return new Change(List.of(event(TicketEventType.MERGED, source, new Merged(source.id, source.reference,
                target.id, target.reference, source.customerId, source.assigneeId, id(by), at, movedMessages), at)),
                List.of(TimelineEntry.merged(by, source.reference, target.reference)), at);
    }

    // --- writing them in a Hibernate Reactive transaction -----------------------------------------

    /** Appends the change's events and timeline entries in the current Panache transaction. */
    public Uni<Void> record(Change change) {
        return Multi.createFrom().iterable(change.events())
                .onItem().transformToUniAndConcatenate(e -> e.<OutboxEvent>persist())
                .collect().last()
                .flatMap(ignored -> Timeline.appendInSession(UUID.fromString(change.events().get(0).aggregateId),
                        change.at(), change.timeline()));
    }

    private static Change change(Instant at, OutboxEvent event, TimelineEntry entry) {
        return new Change(List.of(event), List.of(entry), at);
    }

    private static UUID id(Actor actor) {
        return actor == null ? null : actor.id();
    }

    private OutboxEvent event(TicketEventType type, Ticket ticket, Object data, Instant occurredAt) {
        return OutboxEvent.of(json, "ticket", ticket.id.toString(), type.type(), data, occurredAt);
    }
}
