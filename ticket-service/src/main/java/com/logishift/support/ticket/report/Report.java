package com.logishift.support.ticket.report;

import java.util.List;

/**
 * A report as the API shows it. Counts are 0 in an empty bucket; every other number is null where
 * there is nothing to measure. Times are minutes (one decimal) of an actual ticket's time — exact
 * percentiles ({@code percentile_disc}) over the bucket's facts, never averages of averages.
 */
public record Report(String from, String to, String interval, String tz, String groupBy, List<Series> series) {

    /** The one group of an ungrouped report. */
    public static final String ALL = "all";

    /** One group's buckets; {@code label} is a display name (the agent's name; null for unassigned). */
    public record Series(String group, String label, List<Bucket> buckets) {
    }

    /**
     * One bucket. {@code start}: its first instant, ISO-8601 with the zone's offset then.
     * {@code created}: tickets created in it. {@code resolved}: resolutions in it (a move to RESOLVED, or
     * to CLOSED straight from work). {@code backlog}: tickets not RESOLVED or CLOSED at its end.
     * First-response times over the first responses given in it, resolution times over its resolutions
     * (from the ticket's creation). {@code slaMetPercent}: of the resolution clocks stopped in it, the
     * share MET. CSAT: the ratings given for its resolutions. {@code reopenRate}: of its resolutions,
     * the percentage reopened later.
     */
    public record Bucket(String start, long created, long resolved, long backlog,
            Double firstResponseMedianMinutes, Double firstResponseP90Minutes,
            Double firstResponseBusinessMedianMinutes, Double firstResponseBusinessP90Minutes,
            Double resolutionMedianMinutes, Double resolutionP90Minutes,
            Double resolutionBusinessMedianMinutes, Double resolutionBusinessP90Minutes,
            Double slaMetPercent, Double csatAverage, long csatCount, Double reopenRate) {
    }
}
