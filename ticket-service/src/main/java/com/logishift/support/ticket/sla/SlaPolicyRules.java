package com.logishift.support.ticket.sla;

import com.logishift.support.kit.ProblemException;
import com.logishift.support.ticket.Priority;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a policy valid (400 on the first field that is not), and its normal form: intervals
 * ordered by day and start, holidays sorted, targets HIGH, MEDIUM, LOW.
 */
public final class SlaPolicyRules {

    /** A year of minutes: no target may be longer. */
    public static final long MAX_TARGET_MINUTES = 525_600;
    public static final int MAX_HOLIDAYS = 366;
    /** More intervals than anyone needs (a week of half-hour slots), so the calendar stays small. */
    public static final int MAX_INTERVALS = 7 * 48;

    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]|24:00");

    private SlaPolicyRules() {
    }

    /** The checked policy; {@code document} as received (the PUT body or a stored row). */
    public static SlaPolicy check(int version, Instant updatedAt, SlaPolicyDocument document) {
        ZoneId zone = zone(document.timeZone());
        List<BusinessCalendar.Interval> intervals = intervals(document.businessHours());
        List<LocalDate> holidays = holidays(document.holidays());
        Map<Priority, SlaPolicyDocument.Target> targets = targets(document.targets());
        SlaPolicyDocument normal = new SlaPolicyDocument(zone.getId(), intervals.stream()
                .map(i -> new SlaPolicyDocument.Hours(i.day().name(), time(i.startMinute()), time(i.endMinute())))
                .toList(), holidays.stream().map(LocalDate::toString).toList(),
                targetsByName(targets), null);
        BusinessCalendar calendar = new BusinessCalendar(zone, intervals, Set.copyOf(holidays));
        reachable(calendar, targets, updatedAt);
        return new SlaPolicy(version, normal, calendar, targets, updatedAt);
    }

    /** Few hours and many holidays could push a long target beyond what the calendar looks ahead. */
    private static void reachable(BusinessCalendar calendar, Map<Priority, SlaPolicyDocument.Target> targets,
            Instant from) {
        long longest = targets.values().stream().mapToLong(SlaPolicyDocument.Target::resolutionMinutes).max()
                .orElseThrow();
        try {
            calendar.plus(from, java.time.Duration.ofMinutes(longest));
        } catch (IllegalStateException e) {
            throw ProblemException.invalidField("targets", "the longest target (" + longest
                    + " minutes) cannot be reached within " + BusinessCalendar.MAX_DAYS / 366
                    + " years of these business hours");
        }
    }

    private static ZoneId zone(String id) {
        if (id == null) {
            throw ProblemException.invalidField("timeZone", "is required");
        }
        if (!ZoneId.getAvailableZoneIds().contains(id)) {
            throw ProblemException.invalidField("timeZone", "must be an IANA time zone id such as Europe/Berlin");
        }
        return ZoneId.of(id);
    }

    private static List<BusinessCalendar.Interval> intervals(List<SlaPolicyDocument.Hours> hours) {
        if (hours == null || hours.isEmpty()) {
            throw ProblemException.invalidField("businessHours", "must name at least one interval: "
                    + "without business hours a clock never ends");
        }
        if (hours.size() > MAX_INTERVALS) {
            throw ProblemException.invalidField("businessHours", "must have at most " + MAX_INTERVALS + " intervals");
        }
        List<BusinessCalendar.Interval> intervals = new ArrayList<>(hours.size());
        for (int i = 0; i < hours.size(); i++) {
            String field = "businessHours[" + i + "]";
            SlaPolicyDocument.Hours h = hours.get(i);
            if (h == null) {
                throw ProblemException.invalidField(field, "is required");
            }
            DayOfWeek day = day(field + ".day", h.day());
            int start = minute(field + ".start", h.start());
            int end = minute(field + ".end", h.end());
            if (start == 1440) {
                throw ProblemException.invalidField(field + ".start", "must be before 24:00");
            }
            if (end <= start) {
                throw ProblemException.invalidField(field + ".end", "must be after start");
            }
            intervals.add(new BusinessCalendar.Interval(day, start, end));
        }
        intervals.sort(Comparator.comparing(BusinessCalendar.Interval::day)
                .thenComparingInt(BusinessCalendar.Interval::startMinute));
        for (int i = 1; i < intervals.size(); i++) {
            BusinessCalendar.Interval before = intervals.get(i - 1);
            BusinessCalendar.Interval after = intervals.get(i);
            if (before.day() == after.day() && after.startMinute() < before.endMinute()) {
                throw ProblemException.invalidField("businessHours", "intervals of " + after.day()
                        + " overlap (" + time(before.startMinute()) + "-" + time(before.endMinute()) + " and "
                        + time(after.startMinute()) + "-" + time(after.endMinute()) + ")");
            }
        }
        return intervals;
    }

    private static DayOfWeek day(String field, String day) {
        if (day == null) {
            throw ProblemException.invalidField(field, "is required");
        }
        try {
            return DayOfWeek.valueOf(day);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "must be one of " + Arrays.toString(DayOfWeek.values()));
        }
    }

    private static int minute(String field, String time) {
        if (time == null) {
            throw ProblemException.invalidField(field, "is required");
        }
        if (!TIME.matcher(time).matches()) {
            throw ProblemException.invalidField(field, "must be a time HH:mm from 00:00 to 24:00");
        }
        return Integer.parseInt(time.substring(0, 2)) * 60 + Integer.parseInt(time.substring(3));
    }

    private static String time(int minute) {
        return "%02d:%02d".formatted(minute / 60, minute % 60);
    }

    private static List<LocalDate> holidays(List<String> days) {
        if (days == null) {
            return List.of();
        }
        if (days.size() > MAX_HOLIDAYS) {
            throw ProblemException.invalidField("holidays", "must have at most " + MAX_HOLIDAYS + " dates");
        }
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < days.size(); i++) {
            String field = "holidays[" + i + "]";
            String text = days.get(i);
            if (text == null || text.length() != 10) {
                throw ProblemException.invalidField(field, "must be a date YYYY-MM-DD");
            }
            LocalDate day;
            try {
                day = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw ProblemException.invalidField(field, "must be a date YYYY-MM-DD");
            }
            if (!seen.add(day)) {
                throw ProblemException.invalidField(field, text + " is listed twice");
            }
        }
        return seen.stream().sorted().toList();
    }

    private static Map<Priority, SlaPolicyDocument.Target> targets(Map<String, SlaPolicyDocument.Target> given) {
        if (given == null) {
            throw ProblemException.invalidField("targets", "is required");
        }
        for (String name : given.keySet()) {
            if (Arrays.stream(Priority.values()).noneMatch(p -> p.name().equals(name))) {
                throw ProblemException.invalidField("targets", "has an unknown priority; the priorities are "
                        + Arrays.toString(Priority.values()));
            }
        }
        Map<Priority, SlaPolicyDocument.Target> targets = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            String field = "targets." + priority.name();
            SlaPolicyDocument.Target target = given.get(priority.name());
            if (target == null) {
                throw ProblemException.invalidField(field, "is required");
            }
            long first = minutes(field + ".firstResponseMinutes", target.firstResponseMinutes());
            long resolution = minutes(field + ".resolutionMinutes", target.resolutionMinutes());
            if (resolution < first) {
                throw ProblemException.invalidField(field + ".resolutionMinutes",
                        "must not be shorter than firstResponseMinutes");
            }
            targets.put(priority, target);
        }
        return targets;
    }

    private static long minutes(String field, Long minutes) {
        if (minutes == null) {
            throw ProblemException.invalidField(field, "is required");
        }
        if (minutes < 1 || minutes > MAX_TARGET_MINUTES) {
            throw ProblemException.invalidField(field, "must be a whole number of minutes from 1 to "
                    + MAX_TARGET_MINUTES);
        }
        return minutes;
    }

    private static Map<String, SlaPolicyDocument.Target> targetsByName(Map<Priority, SlaPolicyDocument.Target> targets) {
        Map<String, SlaPolicyDocument.Target> byName = new LinkedHashMap<>();
        for (Priority priority : List.of(Priority.HIGH, Priority.MEDIUM, Priority.LOW)) {
            byName.put(priority.name(), targets.get(priority));
        }
        return byName;
    }
}
