package com.logishift.support.notification.mail;

import java.util.Map;
import java.util.UUID;

/** A mail the rules decided on, before it is queued: who about which ticket, and the template's data. */
public record MailDraft(MailKind kind, UUID recipientId, UUID ticketId, String reference, Map<String, String> data) {
}
