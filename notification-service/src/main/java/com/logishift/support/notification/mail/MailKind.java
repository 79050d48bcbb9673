package com.logishift.support.notification.mail;

import com.logishift.support.notification.SupportEvent;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of e-mail, each named by the CloudEvent type that causes it (the same key as the in-app
 * preferences), its template and the roles that can receive it.
 */
public enum MailKind {
    /** the customer's acknowledgement, with the reference */
    CREATED("ticket.created", "created", Set.of("customer"),
            "confirmations of new tickets", "Bestätigungen neuer Tickets"),
    /** a PUBLIC reply by staff, with its text */
    REPLY("ticket.message-added", "reply", Set.of("customer"),
            "replies from support", "Antworten des Supports"),
    /** the ticket went to RESOLVED, with the link to rate it */
    RESOLVED("ticket.status-changed", "resolved", Set.of("customer"),
            "resolved tickets", "gelöste Tickets"),
    /** a ticket was assigned to the recipient */
    ASSIGNED("ticket.assigned", "assigned", Set.of("agent", "admin"),
            "tickets assigned to you", "Ihnen zugewiesene Tickets");

    /** The CloudEvent type, e.g. com.logishift.support.ticket.created.v1. */
    public final String type;
    /** The templates' base name under templates/mail/. */
    public final String template;
    /** What these mails are, for the unsubscribe page ("e-mails about …"), in English and German. */
    public final String english;
    public final String german;
    private final Set<String> roles;

    MailKind(String shortType, String template, Set<String> roles, String english, String german) {
        this.type = SupportEvent.PREFIX + shortType + ".v1";
        this.template = template;
        this.roles = roles;
        this.english = english;
        this.german = german;
    }

    public static Optional<MailKind> ofType(String type) {
        return Arrays.stream(values()).filter(k -> k.type.equals(type)).findFirst();
    }

    /** The kinds someone of this role can be mailed about (their e-mail preferences). */
    public static Set<String> typesFor(String role) {
        return Arrays.stream(values()).filter(k -> k.roles.contains(role)).map(k -> k.type)
                .collect(Collectors.toUnmodifiableSet());
    }
}
