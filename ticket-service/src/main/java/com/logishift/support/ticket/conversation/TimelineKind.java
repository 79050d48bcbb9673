package com.logishift.support.ticket.conversation;

/** What a timeline entry records. MESSAGE is a PUBLIC message, NOTE an INTERNAL one. */
public enum TimelineKind {
    CREATED,
    ASSIGNED,
    UNASSIGNED,
    STATUS_CHANGED,
    MESSAGE,
    NOTE,
    ATTACHMENT,
    FEEDBACK
}
