package com.logishift.support.ticket;

import static com.logishift.support.ticket.TicketStatus.CLOSED;
import static com.logishift.support.ticket.TicketStatus.IN_PROGRESS;
import static com.logishift.support.ticket.TicketStatus.ON_HOLD;
import static com.logishift.support.ticket.TicketStatus.OPEN;
import static com.logishift.support.ticket.TicketStatus.RESOLVED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The status machine of the README ("A ticket's life"), cell by cell. */
class TicketStatusTest {

    private static final Map<TicketStatus, Set<TicketStatus>> LEGAL_MOVES = Map.of(
            OPEN, EnumSet.of(IN_PROGRESS),
            IN_PROGRESS, EnumSet.of(ON_HOLD, RESOLVED),
            ON_HOLD, EnumSet.of(IN_PROGRESS, RESOLVED),
            RESOLVED, EnumSet.of(IN_PROGRESS, CLOSED),
            CLOSED, EnumSet.noneOf(TicketStatus.class));

    @Test
    void everyPairIsAllowedExactlyWhenTheSpecSaysSo() {
        for (TicketStatus from : TicketStatus.values()) {
            for (TicketStatus to : TicketStatus.values()) {
                assertEquals(LEGAL_MOVES.get(from).contains(to), from.canMoveTo(to), from + " -> " + to);
            }
        }
    }
}
