package com.logishift.support.ticket.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * One SLA clock as stored: its status, the business time used before {@code since} (the start of
 * the current run; null unless RUNNING) and {@code dueAt}, the instant it reaches its target if it
 * keeps running (kept when it stops or pauses). Immutable; every change returns the new clock.
 */
public record SlaClock(SlaStatus status, long usedMillis, Instant since, Instant dueAt) {

    public static SlaClock start(BusinessCalendar calendar, Duration target, Instant now) {
        return new SlaClock(SlaStatus.RUNNING, 0, now, calendar.plus(now, target));
    }

    public boolean running() {
        return status == SlaStatus.RUNNING;
    }

    /** The business time used up to {@code now}. */
    public Duration used(BusinessCalendar calendar, Instant now) {
        Duration used = Duration.ofMillis(usedMillis);
        return running() ? used.plus(calendar.between(since, now)) : used;
    }

    /** ON_HOLD: stop counting, keep what was used. */
    public SlaClock pause(BusinessCalendar calendar, Instant now) {
        return running() ? new SlaClock(SlaStatus.PAUSED, used(calendar, now).toMillis(), null, dueAt) : this;
    }

    /**
     * The clock has done its job: MET when the target was not used up, else BREACHED (a breached
     * clock stays BREACHED). A paused clock stopping gets the due it would have had from now.
     */
    public SlaClock stop(BusinessCalendar calendar, Duration target, Instant now) {
        if (status != SlaStatus.RUNNING && status != SlaStatus.PAUSED) {
            return this;
        }
        Duration used = used(calendar, now);
        Instant due = running() ? dueAt : due(calendar, now, used, target);
        return new SlaClock(used.compareTo(target) >= 0 ? SlaStatus.BREACHED : SlaStatus.MET, used.toMillis(), null,
                due);
    }

    /** Counting again (end of a hold, a reopen) with the time already used. */
    public SlaClock resume(BusinessCalendar calendar, Duration target, Instant now) {
        if (running()) {
            return this;
        }
        Duration used = Duration.ofMillis(usedMillis);
        return new SlaClock(SlaStatus.RUNNING, usedMillis, now, due(calendar, now, used, target));
    }

    /** A new target (priority change); the time used is kept. */
    public SlaClock retarget(BusinessCalendar calendar, Duration target) {
        if (!running()) {
            return this;
        }
        return new SlaClock(status, usedMillis, since, due(calendar, since, Duration.ofMillis(usedMillis), target));
    }

    /**
     * When a clock running from {@code from} with {@code used} already gone reaches {@code target}. If
     * it had reached it before, the due it had (when that is not later), else {@code from}.
     */
    private Instant due(BusinessCalendar calendar, Instant from, Duration used, Duration target) {
        if (used.compareTo(target) < 0) {
            return calendar.plus(from, target.minus(used));
        }
        return dueAt != null && !dueAt.isAfter(from) ? dueAt : from;
    }

    /** The instant at which this running clock will have used {@code amount}; null when not running. */
    public Instant reaches(BusinessCalendar calendar, Duration amount, Instant now) {
        if (!running()) {
            return null;
        }
        Duration before = Duration.ofMillis(usedMillis);
        return before.compareTo(amount) >= 0 ? now : calendar.plus(since, amount.minus(before));
    }

    /** The clock as the API shows it at {@code now}. */
    public SlaView.Clock view(BusinessCalendar calendar, Duration target, Instant now) {
        Duration left = target.minus(used(calendar, now));
        SlaStatus shown = running() && (left.isZero() || left.isNegative()) ? SlaStatus.BREACHED : status;
        return new SlaView.Clock(status == SlaStatus.PAUSED ? null : dueAt, shown,
                status == SlaStatus.MET ? null : Math.floorDiv(left.toMillis(), 60_000L));
    }
}
