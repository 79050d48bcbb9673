package com.logishift.support.ticket.sla;

import static com.logishift.support.ticket.support.Api.as;

import com.logishift.support.kit.test.Tokens;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test policies through the API: round the clock (business time is wall time) or the default. */
final class SlaPolicies24x7 {

    static final String PATH = "/api/admin/sla/policy/";

    private SlaPolicies24x7() {
    }

    static Map<String, Object> body(List<Map<String, String>> hours, int highFirst) {
        return Map.of("timeZone", "Europe/Berlin", "businessHours", hours, "holidays", List.of(),
                "targets", Map.of("HIGH", Map.of("firstResponseMinutes", highFirst, "resolutionMinutes", 480),
                        "MEDIUM", Map.of("firstResponseMinutes", 240, "resolutionMinutes", 1440),
                        "LOW", Map.of("firstResponseMinutes", 480, "resolutionMinutes", 2400)));
    }

    static List<Map<String, String>> roundTheClock() {
        List<Map<String, String>> hours = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.add(Map.of("day", day.name(), "start", "00:00", "end", "24:00"));
        }
        return hours;
    }

    static List<Map<String, String>> officeHours() {
        List<Map<String, String>> hours = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.add(Map.of("day", day.name(), "start", "09:00", "end", "17:00"));
        }
        return hours;
    }

    static int currentVersion() {
        return as(Tokens.admin()).get(PATH).then().statusCode(200).extract().path("version");
    }

    /** Writes the policy as the next version; returns it. */
    static int put(List<Map<String, String>> hours, int highFirst) {
        Map<String, Object> body = new java.util.HashMap<>(body(hours, highFirst));
        body.put("version", currentVersion());
        return as(Tokens.admin()).body(body).put(PATH).then().statusCode(200).extract().path("version");
    }
}
