package com.logishift.support.ticket.sla;

import com.logishift.support.ticket.Priority;
import com.logishift.support.ticket.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A ticket's two SLA clocks and the one place that says what moves them:
 * <ul>
 * <li>both start when the ticket is created, on the policy version current then;</li>
 * <li>first response stops at the first PUBLIC staff message and is never paused;</li>
 * <li>resolution pauses while ON_HOLD, stops at RESOLVED or CLOSED and resumes on a reopen (or the
 *     end of a hold) with the time already used;</li>
 * <li>a priority change gives both the new priority's targets and keeps the time used.</li>
 * </ul>
 * Plain Java: callers say what happened and store the result ({@link SlaClocks}, which also leaves a
 * resolved or closed ticket out of the nearest-due order and the SLA job's schedule).
 */
public record TicketSla(int policyVersion, SlaClock firstResponse, SlaClock resolution) {

    public static TicketSla open(SlaPolicy policy, Priority priority, Instant now) {
        BusinessCalendar calendar = policy.calendar();
        return new TicketSla(policy.version(),
                SlaClock.start(calendar, policy.target(priority, SlaClockKind.FIRST_RESPONSE), now),
                SlaClock.start(calendar, policy.target(priority, SlaClockKind.RESOLUTION), now));
    }

    public SlaClock clock(SlaClockKind kind) {
        return kind == SlaClockKind.FIRST_RESPONSE ? firstResponse : resolution;
    }

    /** The first PUBLIC message by an agent or admin. */
    public TicketSla firstResponded(SlaPolicy policy, Priority priority, Instant now) {
        return new TicketSla(policyVersion, firstResponse.stop(policy.calendar(),
                policy.target(priority, SlaClockKind.FIRST_RESPONSE), now), resolution);
    }

    /** A status change (update-status, a customer's reopening reply, a return to the queue). */
    public TicketSla statusChanged(SlaPolicy policy, Priority priority, TicketStatus to, Instant now) {
        Duration target = policy.target(priority, SlaClockKind.RESOLUTION);
        BusinessCalendar calendar = policy.calendar();
        SlaClock next = switch (to) {
            case ON_HOLD -> resolution.pause(calendar, now);
            case RESOLVED, CLOSED -> resolution.stop(calendar, target, now);
            case OPEN, IN_PROGRESS -> resolution.resume(calendar, target, now);
        };
        return new TicketSla(policyVersion, firstResponse, next);
    }

    public TicketSla priorityChanged(SlaPolicy policy, Priority priority) {
        BusinessCalendar calendar = policy.calendar();
        return new TicketSla(policyVersion,
                firstResponse.retarget(calendar, policy.target(priority, SlaClockKind.FIRST_RESPONSE)),
                resolution.retarget(calendar, policy.target(priority, SlaClockKind.RESOLUTION)));
    }

    /** The nearest due of a running clock (sort=slaDue), or null. */
    public Instant nearestDue() {
        Instant due = null;
        for (SlaClock clock : List.of(firstResponse, resolution)) {
            if (clock.running() && (due == null || clock.dueAt().isBefore(due))) {
                due = clock.dueAt();
            }
        }
        return due;
    }

    /** The alerts that are due at {@code now} and not yet in {@code fired}, warnings before breaches. */
    public List<SlaAlert> alertsDue(SlaPolicy policy, Priority priority, int fired, Instant now) {
        List<SlaAlert> due = new ArrayList<>(2);
        for (SlaAlert alert : SlaAlert.values()) {
            if (!alert.firedIn(fired)) {
                Duration threshold = alert.threshold(policy.target(priority, alert.clock()));
                if (clock(alert.clock()).used(policy.calendar(), now).compareTo(threshold) >= 0) {
                    due.add(alert);
                }
            }
        }
        return due;
    }

    /**
     * When the SLA job must look at the ticket next: now for an alert already due, else the earliest
     * instant a running clock reaches an alert not yet fired; null when nothing is left to announce.
     */
    public Instant nextCheck(SlaPolicy policy, Priority priority, int fired, Instant now) {
        if (!alertsDue(policy, priority, fired, now).isEmpty()) {
            return now;
        }
        Instant next = null;
        for (SlaAlert alert : SlaAlert.values()) {
            if (!alert.firedIn(fired)) {
                Duration threshold = alert.threshold(policy.target(priority, alert.clock()));
                Instant at = clock(alert.clock()).reaches(policy.calendar(), threshold, now);
                if (at != null && (next == null || at.isBefore(next))) {
                    next = at;
                }
            }
        }
        return next;
    }

    public SlaView view(SlaPolicy policy, Priority priority, Instant now) {
        BusinessCalendar calendar = policy.calendar();
        return new SlaView(
                firstResponse.view(calendar, policy.target(priority, SlaClockKind.FIRST_RESPONSE), now),
                resolution.view(calendar, policy.target(priority, SlaClockKind.RESOLUTION), now));
    }
}
