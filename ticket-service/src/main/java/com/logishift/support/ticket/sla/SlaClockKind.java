package com.logishift.support.ticket.sla;

/** A ticket's two clocks: until the first PUBLIC staff message, and until it is resolved. */
public enum SlaClockKind {
    FIRST_RESPONSE,
    RESOLUTION
}
