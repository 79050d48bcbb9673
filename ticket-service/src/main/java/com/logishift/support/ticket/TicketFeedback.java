package com.logishift.support.ticket;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The customer's 1–5 rating of one resolution of a ticket. */
@Entity
@Table(name = "ticket_feedback")
public class TicketFeedback extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "ticket_id", nullable = false)
    public UUID ticketId;

    /** Which resolution of the ticket this rates (unique per ticket). */
    @Column(nullable = false)
    public int resolution;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false)
    public short rating;

    public String comment;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static TicketFeedback rate(Ticket ticket, int rating, String comment, Instant now) {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("rating must be 1 to 5");
        }
        TicketFeedback feedback = new TicketFeedback();
        feedback.id = UUID.randomUUID();
        feedback.ticketId = ticket.id;
        feedback.resolution = ticket.resolutionCount;
        feedback.customerId = ticket.customerId;
        feedback.rating = (short) rating;
        feedback.comment = comment == null || comment.isBlank() ? null : comment.strip();
        feedback.createdAt = now;
        return feedback;
    }
}
