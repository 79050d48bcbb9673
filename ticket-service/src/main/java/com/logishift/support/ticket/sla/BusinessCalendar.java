package com.logishift.support.ticket.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Business time in one time zone: weekly opening intervals, holidays closed. Pure Java (no Quarkus,
 * never the JVM's default zone), so reports can reuse it. Every interval is turned into two instants
 * of its own day in the zone, so a day that loses or gains an hour to daylight saving has exactly the
 * business time the wall clock shows; the work is one step per calendar day, never per minute.
 */
public final class BusinessCalendar {

    /** One opening interval of a weekday, in minutes from midnight; {@code end} may be 1440 (24:00). */
    public record Interval(DayOfWeek day, int startMinute, int endMinute) {

        public Interval {
            if (startMinute < 0 || endMinute > 1440 || endMinute <= startMinute) {
                throw new IllegalArgumentException("an interval ends after it starts, within its day");
            }
        }
    }

    /**
     * How far {@link #plus} looks: twenty years of days (a few milliseconds of work). A policy whose
     * targets cannot be reached within them is refused when it is written.
     */
    public static final int MAX_DAYS = 20 * 366;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
    private final Set<LocalDate> holidays;

    public BusinessCalendar(ZoneId zone, List<Interval> intervals, Set<LocalDate> holidays) {
        if (intervals.isEmpty()) {
            throw new IllegalArgumentException("a calendar without business hours never ends a clock");
        }
        this.zone = zone;
        this.holidays = Set.copyOf(holidays);
        for (Interval interval : intervals) {
            week.computeIfAbsent(interval.day(), d -> new ArrayList<>()).add(interval);
        }
        week.values().forEach(list -> list.sort(Comparator.comparingInt(Interval::startMinute)));
    }

    public ZoneId zone() {
        return zone;
    }

    /** The instant at which {@code amount} of business time has passed from {@code from}. */
    public Instant plus(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("business time is added, never taken away: " + amount);
        }
        if (amount.isZero()) {
            return from;
        }
        Duration left = amount;
        LocalDate day = LocalDate.ofInstant(from, zone);
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            for (Instant[] open : openings(day)) {
                Instant start = open[0].isAfter(from) ? open[0] : from;
                if (!open[1].isAfter(start)) {
                    continue;
                }
                Duration available = Duration.between(start, open[1]);
                if (left.compareTo(available) <= 0) {
                    return start.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("no business time within " + MAX_DAYS + " days of " + from);
    }

    /** The business time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate day = LocalDate.ofInstant(from, zone); !day.isAfter(last); day = day.plusDays(1)) {
            for (Instant[] open : openings(day)) {
                Instant start = open[0].isAfter(from) ? open[0] : from;
                Instant end = open[1].isBefore(to) ? open[1] : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** The day's opening intervals as instants, in order; none on a holiday or a closed weekday. */
    private List<Instant[]> openings(LocalDate day) {
        List<Interval> intervals = week.get(day.getDayOfWeek());
        if (intervals == null || holidays.contains(day)) {
            return List.of();
        }
        List<Instant[]> openings = new ArrayList<>(intervals.size());
        for (Interval interval : intervals) {
            openings.add(new Instant[] {at(day, interval.startMinute()), at(day, interval.endMinute())});
        }
        return openings;
    }

    /**
     * The instant of a wall-clock minute of the day; 24:00 is the next day's start. A minute that does
     * not exist (skipped by a DST change) is the moment after the gap, as java.time resolves it.
     */
    private Instant at(LocalDate day, int minute) {
        if (minute == 1440) {
            return day.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return day.atTime(LocalTime.of(minute / 60, minute % 60)).atZone(zone).toInstant();
    }
}
