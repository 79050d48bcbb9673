package com.logishift.support.ticket.sla;

import java.time.Duration;

/**
 * What the SLA job announces, once per clock each: the warning at 80 % of a target and the breach at
 * 100 %. {@code bit} is its mark in the ticket's {@code sla_fired} column.
 */
public enum SlaAlert {
    FIRST_RESPONSE_WARNING(SlaClockKind.FIRST_RESPONSE, false, 1),
    FIRST_RESPONSE_BREACHED(SlaClockKind.FIRST_RESPONSE, true, 2),
    RESOLUTION_WARNING(SlaClockKind.RESOLUTION, false, 4),
    RESOLUTION_BREACHED(SlaClockKind.RESOLUTION, true, 8);

    private final SlaClockKind clock;
    private final boolean breach;
    private final int bit;

    SlaAlert(SlaClockKind clock, boolean breach, int bit) {
        this.clock = clock;
        this.breach = breach;
        this.bit = bit;
    }

    public SlaClockKind clock() {
        return clock;
    }

    public boolean breach() {
        return breach;
    }

    public boolean firedIn(int fired) {
        return (fired & bit) != 0;
    }

    public int mark(int fired) {
        return fired | bit;
    }

    /** The business time used at which this alert is due: 80 % (exactly, in milliseconds) or all of the target. */
    public Duration threshold(Duration target) {
        return breach ? target : Duration.ofMillis(target.toMillis() * 4 / 5);
    }
}
