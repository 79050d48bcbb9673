package com.logishift.support.notification;

import java.util.UUID;

/** A notification the rules decided on, before it is stored: who, what, about which ticket. */
public record Draft(UUID recipientId, String title, String body, UUID ticketId) {
}
