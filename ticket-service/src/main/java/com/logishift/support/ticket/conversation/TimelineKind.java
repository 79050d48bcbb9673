package com.logishift.support.ticket.conversation;

/**
 * What a timeline entry records. MESSAGE is a PUBLIC message, NOTE an INTERNAL one; SLA_WARNING and
 * SLA_BREACHED (staff only) say which clock in {@code to}; MERGED (on both tickets) names the merged
 * ticket's reference in {@code from} and the target's in {@code to}.
 */
public enum TimelineKind {
    CREATED,
    ASSIGNED,
    UNASSIGNED,
    STATUS_CHANGED,
    MESSAGE,
    NOTE,
    ATTACHMENT,
    FEEDBACK,
    PRIORITY_CHANGED,
    SLA_WARNING,
    SLA_BREACHED,
    MERGED
}
