package com.logishift.support.notification.rest;

import com.logishift.support.notification.Notification;
import java.time.Instant;
import java.util.UUID;

/** A notification as its recipient sees it (personal or of their role's feed: the same shape). */
public record NotificationView(UUID id, String type, UUID ticketId, String title, String body, boolean read,
        Instant createdAt, Instant readAt) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id(), n.type(), n.ticketId(), n.title(), n.body(), n.readAt() != null,
                n.createdAt(), n.readAt());
    }
}
