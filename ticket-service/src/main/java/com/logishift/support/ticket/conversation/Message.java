package com.logishift.support.ticket.conversation;

import com.logishift.support.ticket.attachment.AttachmentRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One message of a ticket's thread, as the API shows it. */
public record Message(UUID id, int seq, UUID authorId, String authorName, String authorRole, Visibility visibility,
        Channel channel, String body, List<AttachmentRef> attachments, Instant createdAt) {

    public boolean internal() {
        return visibility == Visibility.INTERNAL;
    }

    public Message withAttachments(List<AttachmentRef> files) {
        return new Message(id, seq, authorId, authorName, authorRole, visibility, channel, body, files, createdAt);
    }
}
