package com.logishift.support.ticket;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An internal note: agents and admins only, never in a customer response or a public event. */
@Entity
@Table(name = "ticket_note")
public class TicketNote extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "ticket_id", nullable = false)
    public UUID ticketId;

    @Column(name = "author_id", nullable = false)
    public UUID authorId;

    @Column(name = "author_name")
    public String authorName;

    @Column(name = "author_role", nullable = false)
    public String authorRole;

    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static TicketNote by(Actor author, UUID ticketId, String body, Instant now) {
        if (!author.role().isStaff()) {
            throw TicketRuleException.forbidden("staff-only", "Internal notes are for agents and admins");
        }
        TicketNote note = new TicketNote();
        note.id = UUID.randomUUID();
        note.ticketId = ticketId;
        note.authorId = author.id();
        note.authorName = author.name();
        note.authorRole = author.role().group();
        note.body = body.strip();
        note.createdAt = now;
        return note;
    }
}
