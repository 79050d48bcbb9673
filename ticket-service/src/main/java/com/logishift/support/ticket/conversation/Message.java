package com.logishift.support.ticket.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One message of a ticket's thread, as the API shows it. */
public record Message(UUID id, int seq, UUID authorId, String authorName, String authorRole, Visibility visibility,
        Channel channel, String body, List<FileView> attachments, Instant createdAt) {

    /**
     * A file on a message (or on a ticket at creation): the attachment feature's AttachmentRef as the
     * thread shows it. Until attachments are wired in, messages carry none.
     */
    public record FileView(UUID id, String filename, String contentType, long size) {
    }

    public boolean internal() {
        return visibility == Visibility.INTERNAL;
    }

    public Message withAttachments(List<FileView> files) {
        return new Message(id, seq, authorId, authorName, authorRole, visibility, channel, body, files, createdAt);
    }
}
