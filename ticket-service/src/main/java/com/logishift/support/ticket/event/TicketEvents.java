package com.logishift.support.ticket.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.ticket.Ticket;
import com.logishift.support.ticket.TicketFeedback;
import com.logishift.support.ticket.TicketNote;
import com.logishift.support.ticket.TicketStatus;
import com.logishift.support.kit.outbox.OutboxEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Appends ticket events to the outbox inside the transaction that makes the change. Payloads are
 * for the public topic: ids and states, never an internal note's body or a customer's contact data.
 */
@ApplicationScoped
public class TicketEvents {

    private final ObjectMapper json;

    public TicketEvents(ObjectMapper json) {
        this.json = json;
    }

    /** How a ticket got its assignee. */
    public enum AssignmentMode { AUTO, SELF, ADMIN }

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

    public record FeedbackSubmitted(UUID ticketId, String reference, UUID customerId, UUID assigneeId, int rating,
            Instant submittedAt) {
    }

    /** The created event, not yet stored (ticket creation writes it with plain SQL). */
    public OutboxEvent createdEvent(Ticket t) {
        return event(TicketEventType.CREATED, t, new Created(t.id, t.reference, t.subject, t.category.name(),
                t.priority.name(), t.status.name(), t.customerId, t.deliveryId, t.createdAt), t.createdAt);
    }

    /** The assigned event, not yet stored. */
    public OutboxEvent assignedEvent(Ticket t, UUID previousAssignee, AssignmentMode mode, UUID by) {
        return event(TicketEventType.ASSIGNED, t, new Assigned(t.id, t.reference, t.customerId, t.assigneeId,
                previousAssignee, mode, by, t.status.name(), t.updatedAt), t.updatedAt);
    }

    public Uni<Void> assigned(Ticket t, UUID previousAssignee, AssignmentMode mode, UUID by) {
        return assignedEvent(t, previousAssignee, mode, by).persist().replaceWithVoid();
    }

    public Uni<Void> unassigned(Ticket t, UUID previousAssignee, UUID by) {
        return append(TicketEventType.UNASSIGNED, t,
                new Unassigned(t.id, t.reference, t.customerId, previousAssignee, by, t.updatedAt), t.updatedAt);
    }

    public Uni<Void> statusChanged(Ticket t, TicketStatus from, UUID by) {
        return append(TicketEventType.STATUS_CHANGED, t, new StatusChanged(t.id, t.reference, t.customerId,
                t.assigneeId, from.name(), t.status.name(), by, t.updatedAt), t.updatedAt);
    }

    public Uni<Void> noteAdded(Ticket t, TicketNote note) {
        return append(TicketEventType.NOTE_ADDED, t,
                new NoteAdded(t.id, t.reference, note.id, note.authorId, t.assigneeId, note.createdAt), note.createdAt);
    }

    public Uni<Void> feedbackSubmitted(Ticket t, TicketFeedback feedback) {
        return append(TicketEventType.FEEDBACK_SUBMITTED, t, new FeedbackSubmitted(t.id, t.reference, t.customerId,
                t.assigneeId, feedback.rating, feedback.createdAt), feedback.createdAt);
    }

    private Uni<Void> append(TicketEventType type, Ticket ticket, Object data, Instant occurredAt) {
        return event(type, ticket, data, occurredAt).persist().replaceWithVoid();
    }

    private OutboxEvent event(TicketEventType type, Ticket ticket, Object data, Instant occurredAt) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.aggregateType = "ticket";
        event.aggregateId = ticket.id.toString();
        event.eventType = type.type();
        event.occurredAt = occurredAt;
        try {
            event.payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a " + type.type() + " event", e);
        }
        return event;
    }
}
