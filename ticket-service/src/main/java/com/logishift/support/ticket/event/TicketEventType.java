package com.logishift.support.ticket.event;

/**
 * CloudEvent types on {@code support.ticket-events}; the contract is
 * {@code src/main/asyncapi/ticket-events.yaml}. Versioned: a breaking change gets a new type.
 */
public enum TicketEventType {
    CREATED("com.logishift.support.ticket.created.v1"),
    ASSIGNED("com.logishift.support.ticket.assigned.v1"),
    UNASSIGNED("com.logishift.support.ticket.unassigned.v1"),
    STATUS_CHANGED("com.logishift.support.ticket.status-changed.v1"),
    NOTE_ADDED("com.logishift.support.ticket.note-added.v1"),
    MESSAGE_ADDED("com.logishift.support.ticket.message-added.v1"),
    FEEDBACK_SUBMITTED("com.logishift.support.ticket.feedback-submitted.v1"),
    PRIORITY_CHANGED("com.logishift.support.ticket.priority-changed.v1"),
    SLA_WARNING("com.logishift.support.ticket.sla-warning.v1"),
    SLA_BREACHED("com.logishift.support.ticket.sla-breached.v1"),
    MERGED("com.logishift.support.ticket.merged.v1");

    private final String type;

    TicketEventType(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }
}
