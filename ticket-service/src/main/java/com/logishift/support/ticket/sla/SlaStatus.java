package com.logishift.support.ticket.sla;

/** Where an SLA clock stands: counting, paused (ON_HOLD), or stopped in time (MET) or late (BREACHED). */
public enum SlaStatus {
    RUNNING,
    PAUSED,
    MET,
    BREACHED
}
