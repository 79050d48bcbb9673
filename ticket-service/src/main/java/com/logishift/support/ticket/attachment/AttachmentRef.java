package com.logishift.support.ticket.attachment;

import java.util.UUID;

/** A file as a message or ticket lists it: {@code {id, filename, contentType, size}}. */
public record AttachmentRef(UUID id, String filename, String contentType, long size) {
}
