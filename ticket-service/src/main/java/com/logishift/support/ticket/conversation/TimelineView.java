package com.logishift.support.ticket.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A timeline entry as the API shows it. {@code actor} is null for the system; {@code from}/{@code to}
 * are status names (STATUS_CHANGED), agent ids (ASSIGNED/UNASSIGNED, with their names) or the rating
 * (FEEDBACK, in {@code to}). {@code message} is filled on the live stream only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineView(int seq, Instant at, @JsonInclude(JsonInclude.Include.ALWAYS) ActorView actor,
        TimelineKind kind, String from, String fromName, String to, String toName, UUID messageId,
        UUID attachmentId, Message message) {

    public record ActorView(UUID id, String name, String role) {
    }

    public TimelineView withMessage(Message m) {
        return new TimelineView(seq, at, actor, kind, from, fromName, to, toName, messageId, attachmentId, m);
    }
}
