package com.logishift.support.ticket.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.logishift.support.kit.ProblemException;
import com.logishift.support.ticket.Priority;
import com.logishift.support.ticket.TicketStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * The business-time arithmetic and the clocks on it, with the cases (Mon–Fri 09:00–17:00
 * Europe/Berlin unless said otherwise). Dates: 2026-12-04 is a Friday.
 */
class BusinessCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static BusinessCalendar weekdays(ZoneId zone, Set<LocalDate> holidays) {
        List<BusinessCalendar.Interval> intervals = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            intervals.add(new BusinessCalendar.Interval(day, 9 * 60, 17 * 60));
        }
        return new BusinessCalendar(zone, intervals, holidays);
    }

    static BusinessCalendar allDay(ZoneId zone) {
        List<BusinessCalendar.Interval> intervals = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            intervals.add(new BusinessCalendar.Interval(day, 0, 1440));
        }
        return new BusinessCalendar(zone, intervals, Set.of());
    }

    static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    @Test
    void fridayAfternoonPlusAnHourIsMondayMorning() {
        BusinessCalendar calendar = weekdays(BERLIN, Set.of());
        assertEquals(berlin("2026-12-07T09:30"), calendar.plus(berlin("2026-12-04T16:30"), Duration.ofMinutes(60)));
        assertEquals(Duration.ofMinutes(60), calendar.between(berlin("2026-12-04T16:30"), berlin("2026-12-07T09:30")));
    }

    @Test
    void aMondayHolidayMovesItToTuesday() {
        BusinessCalendar calendar = weekdays(BERLIN, Set.of(LocalDate.parse("2026-12-07")));
        assertEquals(berlin("2026-12-08T09:30"), calendar.plus(berlin("2026-12-04T16:30"), Duration.ofMinutes(60)));
    }

    @Test
    void aTicketFromSaturdayStartsCountingOnMonday() {
        BusinessCalendar calendar = weekdays(BERLIN, Set.of());
        assertEquals(berlin("2026-12-07T09:01"), calendar.plus(berlin("2026-12-05T11:00"), Duration.ofMinutes(1)));
        assertEquals(berlin("2026-12-07T10:00"), calendar.plus(berlin("2026-12-05T11:00"), Duration.ofMinutes(60)));
        assertEquals(Duration.ZERO, calendar.between(berlin("2026-12-05T11:00"), berlin("2026-12-07T09:00")));
    }

    @Test
    void theJvmsDefaultZoneChangesNothing() {
        TimeZone before = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            fridayAfternoonPlusAnHourIsMondayMorning();
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void daylightSavingDaysHaveTheHoursTheWallClockShows() {
        BusinessCalendar calendar = allDay(BERLIN);
        // 2026-03-29: 02:00 becomes 03:00, the day has 23 hours
        assertEquals(Duration.ofHours(23), calendar.between(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")));
        assertEquals(berlin("2026-03-29T03:30"), calendar.plus(berlin("2026-03-29T01:30"), Duration.ofHours(1)));
        // 2026-10-25: 03:00 becomes 02:00 again, the day has 25 hours
        assertEquals(Duration.ofHours(25), calendar.between(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00")));
        assertEquals(berlin("2026-10-26T00:00"), calendar.plus(berlin("2026-10-25T00:00"), Duration.ofHours(25)));
        // office hours are wall-clock hours on either side of the change
        BusinessCalendar office = weekdays(BERLIN, Set.of());
        assertEquals(Duration.ofHours(8 * 5), office.between(berlin("2026-03-23T00:00"), berlin("2026-03-30T00:00")));
        assertEquals(berlin("2026-03-30T10:00"), office.plus(berlin("2026-03-27T16:00"), Duration.ofHours(2)));
    }

    @Test
    void aPolicyInNewYorkCountsNewYorkHours() {
        ZoneId newYork = ZoneId.of("America/New_York");
        BusinessCalendar calendar = weekdays(newYork, Set.of());
        // Friday 16:30 in New York is 22:30 in Berlin: an hour later it is Monday 09:30 New York time
        Instant created = LocalDateTime.parse("2026-12-04T16:30").atZone(newYork).toInstant();
        assertEquals(LocalDateTime.parse("2026-12-07T09:30").atZone(newYork).toInstant(),
                calendar.plus(created, Duration.ofMinutes(60)));
        assertEquals(Instant.parse("2026-12-07T14:30:00Z"), calendar.plus(created, Duration.ofMinutes(60)));
    }

    @Test
    void longTargetsTakeOneStepPerDay() {
        BusinessCalendar calendar = weekdays(BERLIN, Set.of());
        // 2400 minutes = 5 days of 8 hours: Monday 09:00 to the next Monday 09:00 (well, Friday 17:00)
        assertEquals(berlin("2026-12-11T17:00"), calendar.plus(berlin("2026-12-07T09:00"), Duration.ofMinutes(2400)));
        // a year of minutes on 8-hour weekdays is about four years away, still quick
        long started = System.nanoTime();
        Instant far = calendar.plus(berlin("2026-12-07T09:00"), Duration.ofMinutes(525_600));
        assertEquals(Duration.ofMinutes(525_600), calendar.between(berlin("2026-12-07T09:00"), far));
        assertEquals(true, Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5, "O(days), not O(minutes)");
    }

    // --- the clocks -------------------------------------------------------------------------------

    static SlaPolicy policy() {
        SlaPolicyDocument document = new SlaPolicyDocument("Europe/Berlin",
                List.of(new SlaPolicyDocument.Hours("MONDAY", "09:00", "17:00"),
                        new SlaPolicyDocument.Hours("TUESDAY", "09:00", "17:00"),
                        new SlaPolicyDocument.Hours("WEDNESDAY", "09:00", "17:00"),
                        new SlaPolicyDocument.Hours("THURSDAY", "09:00", "17:00"),
                        new SlaPolicyDocument.Hours("FRIDAY", "09:00", "17:00")),
                List.of(), Map.of("HIGH", new SlaPolicyDocument.Target(60L, 480L),
                        "MEDIUM", new SlaPolicyDocument.Target(240L, 1440L),
                        "LOW", new SlaPolicyDocument.Target(480L, 2400L)), null);
        return SlaPolicyRules.check(1, Instant.parse("2026-12-01T00:00:00Z"), document);
    }

    @Test
    void onHoldMovesTheResolutionDueByTheBusinessTimeOnHoldButNotTheFirstResponse() {
        SlaPolicy policy = policy();
        Instant created = berlin("2026-12-07T09:00"); // Monday
        TicketSla sla = TicketSla.open(policy, Priority.MEDIUM, created);
        assertEquals(berlin("2026-12-07T13:00"), sla.firstResponse().dueAt());
        assertEquals(berlin("2026-12-09T17:00"), sla.resolution().dueAt()); // 1440 min = 3 days of 8 h
        Instant hold = berlin("2026-12-08T10:00"); // Tuesday
        sla = sla.statusChanged(policy, Priority.MEDIUM, TicketStatus.ON_HOLD, hold);
        assertEquals(SlaStatus.PAUSED, sla.resolution().status());
        assertEquals(SlaStatus.RUNNING, sla.firstResponse().status(), "first response is never paused");
        assertEquals(null, sla.view(policy, Priority.MEDIUM, berlin("2026-12-09T10:00")).resolution().dueAt());
        Instant back = berlin("2026-12-10T10:00"); // Thursday: 16 business hours on hold
        sla = sla.statusChanged(policy, Priority.MEDIUM, TicketStatus.IN_PROGRESS, back);
        assertEquals(berlin("2026-12-11T17:00"), sla.resolution().dueAt(), "due moved by exactly 16 business hours");
        assertEquals(berlin("2026-12-07T13:00"), sla.firstResponse().dueAt());
    }

    @Test
    void aPriorityChangeHalfwayKeepsTheTimeUsed() {
        SlaPolicy policy = policy();
        TicketSla sla = TicketSla.open(policy, Priority.HIGH, berlin("2026-12-07T09:00"));
        Instant halfway = berlin("2026-12-07T09:30"); // 30 of HIGH's 60 first-response minutes used
        sla = sla.priorityChanged(policy, Priority.LOW);
        // LOW: 480 minutes first response, 30 already used, counted from creation
        assertEquals(berlin("2026-12-07T17:00"), sla.firstResponse().dueAt());
        assertEquals(Long.valueOf(450), sla.view(policy, Priority.LOW, halfway).firstResponse().remainingMinutes());
        assertEquals(berlin("2026-12-11T17:00"), sla.resolution().dueAt());
    }

    @Test
    void aReopenResumesWithTheTimeUsedAndABreachStaysBreached() {
        SlaPolicy policy = policy();
        TicketSla sla = TicketSla.open(policy, Priority.HIGH, berlin("2026-12-07T09:00"));
        sla = sla.statusChanged(policy, Priority.HIGH, TicketStatus.RESOLVED, berlin("2026-12-07T12:00"));
        assertEquals(SlaStatus.MET, sla.resolution().status());
        assertEquals(Duration.ofHours(3).toMillis(), sla.resolution().usedMillis());
        assertEquals(null, sla.view(policy, Priority.HIGH, berlin("2026-12-07T12:00")).resolution().remainingMinutes());
        sla = sla.statusChanged(policy, Priority.HIGH, TicketStatus.IN_PROGRESS, berlin("2026-12-08T09:00"));
        // 480 - 180 = 300 minutes left from Tuesday 09:00
        assertEquals(berlin("2026-12-08T14:00"), sla.resolution().dueAt());
        assertEquals(SlaStatus.RUNNING, sla.view(policy, Priority.HIGH, berlin("2026-12-08T09:00")).resolution().status());
        // the first response was never given: at Tuesday 09:00 it is 420 minutes late and BREACHED
        SlaView.Clock first = sla.view(policy, Priority.HIGH, berlin("2026-12-08T09:00")).firstResponse();
        assertEquals(SlaStatus.BREACHED, first.status());
        assertEquals(Long.valueOf(-420), first.remainingMinutes());
        sla = sla.firstResponded(policy, Priority.HIGH, berlin("2026-12-08T09:10"));
        assertEquals(SlaStatus.BREACHED, sla.firstResponse().status(), "a late clock stays BREACHED when it stops");
        assertEquals(berlin("2026-12-07T10:00"), sla.firstResponse().dueAt());
    }

    @Test
    void alertsComeAtEightyAndOneHundredPercentOncePerClock() {
        SlaPolicy policy = policy();
        TicketSla sla = TicketSla.open(policy, Priority.HIGH, berlin("2026-12-07T09:00"));
        assertEquals(berlin("2026-12-07T09:48"), sla.nextCheck(policy, Priority.HIGH, 0, berlin("2026-12-07T09:00")));
        assertEquals(List.of(), sla.alertsDue(policy, Priority.HIGH, 0, berlin("2026-12-07T09:47")));
        assertEquals(List.of(SlaAlert.FIRST_RESPONSE_WARNING),
                sla.alertsDue(policy, Priority.HIGH, 0, berlin("2026-12-07T09:48")));
        int fired = SlaAlert.FIRST_RESPONSE_WARNING.mark(0);
        assertEquals(berlin("2026-12-07T10:00"), sla.nextCheck(policy, Priority.HIGH, fired, berlin("2026-12-07T09:48")));
        // everything at once after a long outage, warnings first
        assertEquals(List.of(SlaAlert.FIRST_RESPONSE_WARNING, SlaAlert.FIRST_RESPONSE_BREACHED,
                SlaAlert.RESOLUTION_WARNING, SlaAlert.RESOLUTION_BREACHED),
                sla.alertsDue(policy, Priority.HIGH, 0, berlin("2026-12-09T09:00")));
        int all = 0;
        for (SlaAlert alert : SlaAlert.values()) {
            all = alert.mark(all);
        }
        assertEquals(null, sla.nextCheck(policy, Priority.HIGH, all, berlin("2026-12-09T09:00")));
        // a stopped clock that was never checked still owes its alerts
        TicketSla stopped = sla.firstResponded(policy, Priority.HIGH, berlin("2026-12-07T09:55"));
        assertEquals(List.of(SlaAlert.FIRST_RESPONSE_WARNING),
                stopped.alertsDue(policy, Priority.HIGH, 0, berlin("2026-12-07T09:56")));
    }

    @Test
    void policiesAreCheckedFieldByField() {
        SlaPolicyDocument good = policy().document();
        List<SlaPolicyDocument> bad = List.of(
                new SlaPolicyDocument("Mars/Olympus", good.businessHours(), good.holidays(), good.targets(), 1L),
                new SlaPolicyDocument("+01:00", good.businessHours(), good.holidays(), good.targets(), 1L),
                new SlaPolicyDocument(good.timeZone(), List.of(), good.holidays(), good.targets(), 1L),
                new SlaPolicyDocument(good.timeZone(), List.of(new SlaPolicyDocument.Hours("MONDAY", "17:00", "09:00")),
                        good.holidays(), good.targets(), 1L),
                new SlaPolicyDocument(good.timeZone(), List.of(new SlaPolicyDocument.Hours("MONDAY", "09:00", "12:00"),
                        new SlaPolicyDocument.Hours("MONDAY", "11:00", "13:00")), good.holidays(), good.targets(), 1L),
                new SlaPolicyDocument(good.timeZone(), List.of(new SlaPolicyDocument.Hours("Monday", "09:00", "12:00")),
                        good.holidays(), good.targets(), 1L),
                new SlaPolicyDocument(good.timeZone(), List.of(new SlaPolicyDocument.Hours("MONDAY", "9:00", "24:01")),
                        good.holidays(), good.targets(), 1L),
                new SlaPolicyDocument(good.timeZone(), good.businessHours(), List.of("2026-12-25", "2026-12-25"),
                        good.targets(), 1L),
                new SlaPolicyDocument(good.timeZone(), good.businessHours(), List.of("2026-02-30"), good.targets(), 1L),
                new SlaPolicyDocument(good.timeZone(), good.businessHours(), good.holidays(),
                        Map.of("HIGH", new SlaPolicyDocument.Target(60L, 480L)), 1L),
                new SlaPolicyDocument(good.timeZone(), good.businessHours(), good.holidays(),
                        Map.of("HIGH", new SlaPolicyDocument.Target(60L, 30L),
                                "MEDIUM", new SlaPolicyDocument.Target(240L, 1440L),
                                "LOW", new SlaPolicyDocument.Target(480L, 2400L)), 1L),
                new SlaPolicyDocument(good.timeZone(), good.businessHours(), good.holidays(),
                        Map.of("HIGH", new SlaPolicyDocument.Target(0L, 30L),
                                "MEDIUM", new SlaPolicyDocument.Target(240L, 1440L),
                                "LOW", new SlaPolicyDocument.Target(480L, 525_601L)), 1L),
                // one minute a week cannot reach a year-long target within twenty years
                new SlaPolicyDocument(good.timeZone(), List.of(new SlaPolicyDocument.Hours("MONDAY", "09:00", "09:01")),
                        good.holidays(), Map.of("HIGH", new SlaPolicyDocument.Target(60L, 480L),
                                "MEDIUM", new SlaPolicyDocument.Target(240L, 1440L),
                                "LOW", new SlaPolicyDocument.Target(480L, 525_600L)), 1L));
        for (SlaPolicyDocument document : bad) {
            ProblemException e = assertThrows(ProblemException.class,
                    () -> SlaPolicyRules.check(2, Instant.now(), document), document.toString());
            assertEquals(400, e.problem().status());
        }
        // touching intervals and 24:00 are fine
        SlaPolicyRules.check(2, Instant.now(), new SlaPolicyDocument(good.timeZone(),
                List.of(new SlaPolicyDocument.Hours("SUNDAY", "12:00", "24:00"),
                        new SlaPolicyDocument.Hours("SUNDAY", "00:00", "12:00")),
                good.holidays(), good.targets(), 1L));
    }
}
