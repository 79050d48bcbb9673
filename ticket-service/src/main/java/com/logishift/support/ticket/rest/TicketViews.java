package com.logishift.support.ticket.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.logishift.support.ticket.Ticket;
import com.logishift.support.ticket.TicketFeedback;
import com.logishift.support.ticket.TicketNote;
import com.logishift.support.ticket.TicketStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the API shows of a ticket. Customers get {@link CustomerTicket}, a separate type with no
 * field for internal notes or staff-only data, so a note cannot reach a customer by accident.
 */
public final class TicketViews {

    private TicketViews() {
    }

    public record FeedbackView(int rating, String comment, Instant submittedAt) {
        static FeedbackView of(TicketFeedback f) {
            return f == null ? null : new FeedbackView(f.rating, f.comment, f.createdAt);
        }
    }

    public record NoteView(UUID id, UUID authorId, String authorName, String authorRole, String body,
            Instant createdAt) {
        public static NoteView of(TicketNote n) {
            return new NoteView(n.id, n.authorId, n.authorName, n.authorRole, n.body, n.createdAt);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CustomerTicket(UUID id, String reference, String subject, String description, String category,
            String priority, String status, String deliveryId, String assigneeName, Instant createdAt,
            Instant updatedAt, Instant firstResponseAt, Instant resolvedAt, Instant closedAt,
            boolean feedbackAllowed, FeedbackView feedback) {

        public static CustomerTicket of(Ticket t, String assigneeName, TicketFeedback feedback) {
            return new CustomerTicket(t.id, t.reference, t.subject, t.description, t.category.name(),
                    t.priority.name(), t.status.name(), t.deliveryId, assigneeName, t.createdAt, t.updatedAt,
                    t.firstResponseAt, t.resolvedAt, t.closedAt, t.status == TicketStatus.RESOLVED,
                    FeedbackView.of(feedback));
        }
    }

    /** For agents and admins; {@code notes} is present on the detail view only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StaffTicket(UUID id, String reference, String subject, String description, String category,
            String priority, String status, Set<TicketStatus> allowedTransitions, UUID customerId,
            String customerName, String customerEmail, String deliveryId, UUID assigneeId, String assigneeName,
            Instant createdAt, Instant updatedAt, Instant firstResponseAt, Instant resolvedAt, Instant closedAt,
            long version, List<NoteView> notes, FeedbackView feedback) {

        public static StaffTicket of(Ticket t, String assigneeName, List<TicketNote> notes, TicketFeedback feedback) {
            return new StaffTicket(t.id, t.reference, t.subject, t.description, t.category.name(),
                    t.priority.name(), t.status.name(), t.status.allowedTargets(), t.customerId, t.customerName,
                    t.customerEmail, t.deliveryId, t.assigneeId, assigneeName, t.createdAt, t.updatedAt,
                    t.firstResponseAt, t.resolvedAt, t.closedAt, t.version,
                    notes == null ? null : notes.stream().map(NoteView::of).toList(), FeedbackView.of(feedback));
        }
    }
}
