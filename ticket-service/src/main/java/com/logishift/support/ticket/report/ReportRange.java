package com.logishift.support.ticket.report;

import com.logishift.support.kit.ProblemException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A validated report request: the days {@code [from, to)} in {@code zone}, cut into buckets. Each
 * bucket starts at midnight of its first day in the zone (the first one at {@code from}, the next ones
 * at the next day, Monday or first of the month), so a bucket holds what the wall clock says even on
 * a day of 23 or 25 hours. The boundaries are computed here once, in Java's time-zone rules, and given
 * to SQL as instants: PostgreSQL's own zone data never decides a bucket.
 */
public record ReportRange(LocalDate from, LocalDate to, ReportInterval interval, ZoneId zone, ReportGrouping grouping) {

    /** The longest range a report covers. */
    public static final int MAX_YEARS = 2;

    /** Parses the query parameters; anything wrong is 400 naming the parameter. {@code defaultZone} when tz is absent. */
    public static ReportRange parse(String from, String to, String interval, String tz, String groupBy,
            ZoneId defaultZone) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (!start.isBefore(end)) {
            throw ProblemException.invalidField("to", "must be after from (the range is from's day up to, not including, to's day)");
        }
        if (end.isAfter(start.plusYears(MAX_YEARS))) {
            throw ProblemException.invalidField("to", "must be at most " + MAX_YEARS + " years after from");
        }
        return new ReportRange(start, end, choice("interval", interval, ReportInterval.DAY),
                zone(tz, defaultZone), choice("groupBy", groupBy, ReportGrouping.NONE));
    }

    /** The first day of each bucket, in order. */
    public List<LocalDate> bucketDays() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(to); day = interval.next(day)) {
            days.add(day);
        }
        return days;
    }

    /** When each bucket starts, in the zone (for SQL, the instants). */
    public List<OffsetDateTime> bucketStarts() {
        return bucketDays().stream().map(this::startOf).toList();
    }

    public Instant start() {
        return startOf(from).toInstant();
    }

    public Instant end() {
        return startOf(to).toInstant();
    }

    private OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, "is required: a date such as 2026-01-31");
        }
        try {
            LocalDate date = LocalDate.parse(value.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
            if (date.getYear() < 1900 || date.getYear() > 9999) {
                throw new DateTimeException("out of range");
            }
            return date;
        } catch (DateTimeException e) {
            throw ProblemException.invalidField(field, "must be a date such as 2026-01-31 (years 1900 to 9999)");
        }
    }

    private static ZoneId zone(String tz, ZoneId defaultZone) {
        if (tz == null || tz.isBlank()) {
            return defaultZone;
        }
        // region ids only, exactly (Europe/Berlin, UTC): offsets like +01:00 have no daylight saving to follow
        if (!ZoneId.getAvailableZoneIds().contains(tz)) {
            throw ProblemException.invalidField("tz", "must be an IANA time zone such as Europe/Berlin");
        }
        return ZoneId.of(tz);
    }

    private static <E extends Enum<E>> E choice(String field, String value, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        for (E constant : fallback.getDeclaringClass().getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        throw ProblemException.invalidField(field, "must be one of " + Arrays.stream(
                fallback.getDeclaringClass().getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")));
    }
}
