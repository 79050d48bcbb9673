package com.logishift.support.ticket.sla;

import com.logishift.support.ticket.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One version of the SLA policy, checked ({@link SlaPolicyRules}): the business calendar the clocks
 * count on and each priority's targets. Versions never change; tickets keep the one they were
 * created under.
 */
public record SlaPolicy(int version, SlaPolicyDocument document, BusinessCalendar calendar,
        Map<Priority, SlaPolicyDocument.Target> targets, Instant updatedAt) {

    public Duration target(Priority priority, SlaClockKind clock) {
        SlaPolicyDocument.Target target = targets.get(priority);
        return Duration.ofMinutes(clock == SlaClockKind.FIRST_RESPONSE ? target.firstResponseMinutes()
                : target.resolutionMinutes());
    }
}
