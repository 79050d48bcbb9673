package com.logishift.support.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a person's inbox: a personal notification or an entry of their role's feed (the
 * reader cannot tell them apart). {@code type} is the CloudEvent type; unread while readAt is null.
 */
public record Notification(UUID id, String type, UUID ticketId, String title, String body, Instant createdAt,
        Instant readAt) {
}
