package com.logishift.support.ticket.conversation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * Read-only mapping of the thread for the Panache use cases (the staff ticket view's notes); every
 * write goes through {@link ConversationService}'s plain SQL, which owns the numbering.
 */
@Entity
@Immutable
@Table(name = "ticket_message")
public class StoredMessage extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "ticket_id")
    public UUID ticketId;

    public int seq;

    @Column(name = "author_id")
    public UUID authorId;

    @Column(name = "author_name")
    public String authorName;

    @Column(name = "author_role")
    public String authorRole;

    @Enumerated(EnumType.STRING)
    public Visibility visibility;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    public String body;

    @Column(name = "created_at")
    public Instant createdAt;

    public Message toMessage() {
        return new Message(id, seq, authorId, authorName, authorRole, visibility, channel, body, List.of(), createdAt);
    }
}
