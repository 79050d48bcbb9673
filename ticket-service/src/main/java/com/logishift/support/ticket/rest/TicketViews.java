package com.logishift.support.ticket.rest;

import com.logishift.support.ticket.attachment.AttachmentRef;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.logishift.support.ticket.Ticket;
import com.logishift.support.ticket.TicketFeedback;
import com.logishift.support.ticket.conversation.Message;
import com.logishift.support.ticket.merge.PossibleDuplicate;
import com.logishift.support.ticket.TicketStatus;
import com.logishift.support.ticket.sla.SlaView;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the API shows of a ticket. Customers get {@link CustomerTicket}, a separate type with no
 * field for internal notes or staff-only data (notes, the SLA clocks), so neither can reach a customer by
 * accident.
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
        /** Notes are the INTERNAL messages; their role keeps the notes' lower-case spelling. */
        public static NoteView of(Message m) {
            return new NoteView(m.id(), m.authorId(), m.authorName(),
                    m.authorRole().toLowerCase(java.util.Locale.ROOT), m.body(), m.createdAt());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CustomerTicket(UUID id, String reference, String subject, String description, String category,
            String priority, String status, String deliveryId, String assigneeName, Instant createdAt,
            Instant updatedAt, Instant firstResponseAt, Instant resolvedAt, Instant closedAt,
            boolean feedbackAllowed, FeedbackView feedback,
            @JsonInclude(JsonInclude.Include.ALWAYS) UUID followUpOf, List<AttachmentRef> attachments,
            @JsonInclude(JsonInclude.Include.ALWAYS) UUID mergedIntoId) {

        public static CustomerTicket of(Ticket t, String assigneeName, TicketFeedback feedback,
                List<AttachmentRef> attachments) {
            return new CustomerTicket(t.id, t.reference, t.subject, t.description, t.category.name(),
                    t.priority.name(), t.status.name(), t.deliveryId, assigneeName, t.createdAt, t.updatedAt,
                    t.firstResponseAt, t.resolvedAt, t.closedAt, t.status == TicketStatus.RESOLVED,
                    FeedbackView.of(feedback), t.followUpOf, attachments, t.mergedIntoId);
        }
    }

    /** For agents and admins; {@code notes} and {@code possibleDuplicates} are present on the detail view only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StaffTicket(UUID id, String reference, String subject, String description, String category,
            String priority, String status, Set<TicketStatus> allowedTransitions, UUID customerId,
            String customerName, String customerEmail, String deliveryId, UUID assigneeId, String assigneeName,
            Instant createdAt, Instant updatedAt, Instant firstResponseAt, Instant resolvedAt, Instant closedAt,
            long version, List<NoteView> notes, FeedbackView feedback,
            @JsonInclude(JsonInclude.Include.ALWAYS) UUID followUpOf, List<AttachmentRef> attachments,
            @JsonInclude(JsonInclude.Include.ALWAYS) SlaView sla,
            @JsonInclude(JsonInclude.Include.ALWAYS) UUID mergedIntoId, List<PossibleDuplicate> possibleDuplicates) {

        /** {@code sla} null: the ticket is older than the SLA clocks. */
        public static StaffTicket of(Ticket t, String assigneeName, List<Message> notes, TicketFeedback feedback,
                List<AttachmentRef> attachments, SlaView sla, List<PossibleDuplicate> possibleDuplicates) {
            return new StaffTicket(t.id, t.reference, t.subject, t.description, t.category.name(),
                    t.priority.name(), t.status.name(), t.status.allowedTargets(), t.customerId, t.customerName,
                    t.customerEmail, t.deliveryId, t.assigneeId, assigneeName, t.createdAt, t.updatedAt,
                    t.firstResponseAt, t.resolvedAt, t.closedAt, t.version,
                    notes == null ? null : notes.stream().map(NoteView::of).toList(), FeedbackView.of(feedback),
                    t.followUpOf, attachments, sla, t.mergedIntoId, possibleDuplicates);
        }
    }
}
