package com.logishift.support.ticket.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The width of a report's buckets: calendar days, ISO weeks (from Monday) or calendar months. */
public enum ReportInterval {
    DAY,
    WEEK,
    MONTH;

    /** The first day of the bucket after the one {@code day} is in. */
    LocalDate next(LocalDate day) {
        return switch (this) {
            case DAY -> day.plusDays(1);
            case WEEK -> day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1).plusMonths(1);
        };
    }
}
