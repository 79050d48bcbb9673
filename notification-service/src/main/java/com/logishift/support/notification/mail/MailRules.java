package com.logishift.support.notification.mail;

import com.logishift.support.notification.SupportEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is mailed about what (at most one mail per event):
 * <pre>
 * ticket created                  the customer (the acknowledgement, with the reference)
 * PUBLIC message by staff         the customer, with the message's text
 * status changed to RESOLVED      the customer, with the link to rate it
 * ticket assigned                 the new assignee
 * </pre>
 * Nobody is mailed about their own action (self-assignment, a customer resolving their own ticket);
 * the acknowledgement is the exception by design: it is the receipt of what the customer did. An
 * INTERNAL message is never mailed: its event carries no text, and this rule drops it anyway.
 */
public final class MailRules {

    private MailRules() {
    }

    public static Optional<MailDraft> decide(SupportEvent event) {
        Optional<MailKind> kind = MailKind.ofType(event.type());
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> data = new HashMap<>();
        UUID recipient;
        UUID actor;
        switch (kind.get()) {
            case CREATED -> {
                recipient = event.requiredUuid("customerId");
                actor = null;
                putIfPresent(data, "subject", event.required("subject"));
            }
            case REPLY -> {
                String role = event.required("authorRole");
                if (!"PUBLIC".equals(event.required("visibility")) || "CUSTOMER".equals(role)) {
                    return Optional.empty();
                }
                recipient = event.requiredUuid("customerId");
                actor = event.requiredUuid("authorId");
                putIfPresent(data, "authorName", event.text("authorName"));
                // absent in events published before message-added carried the text: the mail links to it
                putIfPresent(data, "body", event.text("body"));
            }
            case RESOLVED -> {
                if (!"RESOLVED".equals(event.required("to"))) {
                    return Optional.empty();
                }
                recipient = event.requiredUuid("customerId");
                actor = event.uuid("changedBy");
            }
            case ASSIGNED -> {
                recipient = event.requiredUuid("assigneeId");
                actor = event.uuid("assignedBy");
            }
            default -> throw new IllegalStateException("no rule for " + kind.get());
        }
        if (Objects.equals(recipient, actor)) {
            return Optional.empty();
        }
        return Optional.of(new MailDraft(kind.get(), recipient, event.requiredUuid("ticketId"),
                event.required("reference"), data));
    }

    private static void putIfPresent(Map<String, String> data, String key, String value) {
        if (value != null && !value.isBlank()) {
            data.put(key, value.replace("\u0000", "")); // jsonb refuses NUL: it would make the event poison
        }
    }
}
