package com.logishift.support.ticket.sla;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A ticket's clocks as staff see them (never customers). {@code dueAt} null while PAUSED;
 * {@code remainingMinutes} business minutes left (negative once breached), null when MET.
 */
public record SlaView(Clock firstResponse, Clock resolution) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Clock(Instant dueAt, SlaStatus status, Long remainingMinutes) {
    }
}
