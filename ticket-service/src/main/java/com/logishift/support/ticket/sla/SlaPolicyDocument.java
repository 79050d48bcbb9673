package com.logishift.support.ticket.sla;

import java.util.List;
import java.util.Map;

/**
 * The policy as written by admins and stored (jsonb): strings and numbers exactly as received, so
 * {@link SlaPolicyRules} can name the field that is wrong. Also the request body of the PUT, with the
 * {@code version} it was read at.
 */
public record SlaPolicyDocument(String timeZone, List<Hours> businessHours, List<String> holidays,
        Map<String, Target> targets, Long version) {

    /** One opening interval: {@code day} a DayOfWeek name, {@code start}/{@code end} "HH:mm" (end may be "24:00"). */
    public record Hours(String day, String start, String end) {
    }

    public record Target(Long firstResponseMinutes, Long resolutionMinutes) {
    }

    /** The content without the version (what is stored). */
    public SlaPolicyDocument content() {
        return new SlaPolicyDocument(timeZone, businessHours, holidays, targets, null);
    }
}
