package com.logishift.support.ticket.report;

import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Row;

/**
 * One group's numbers in one bucket, as computed from the facts or read back from a stored bucket
 * (V19: a JSON array, the group first, then the fields in this order). The backlog is not in it: it
 * is a running sum over the report's buckets, done when the report is assembled.
 */
final class ReportCell {
    long created;
    long resolved;
    long reopenings;
    long backlogBefore; // open at the range's start: set on the group's first cell only, never stored
    Double[] firstResponse = {null, null};
    Double[] firstResponseBusiness = {null, null};
    Double[] resolution = {null, null};
    Double[] resolutionBusiness = {null, null};
    Double slaMetPercent;
    Double csatAverage;
    long csatCount;
    Double reopenRate;

    Report.Bucket bucket(String start, long backlog) {
        return new Report.Bucket(start, created, resolved, backlog, firstResponse[0], firstResponse[1],
                firstResponseBusiness[0], firstResponseBusiness[1], resolution[0], resolution[1],
                resolutionBusiness[0], resolutionBusiness[1], slaMetPercent, csatAverage, csatCount, reopenRate);
    }

    /** From a row of the first-responses statement (seconds). */
    void firstResponses(Row row) {
        firstResponse = minutes(row.getArrayOfIntegers("wall"));
        firstResponseBusiness = minutes(row.getArrayOfIntegers("business"));
    }

    /** From a row of the resolutions statement. */
    void resolutions(Row row) {
        resolved = row.getLong("n");
        resolution = minutes(row.getArrayOfIntegers("wall"));
        resolutionBusiness = minutes(row.getArrayOfIntegers("business"));
        long clocks = row.getLong("clocks");
        slaMetPercent = clocks == 0 ? null : percent(row.getLong("met"), clocks);
        csatCount = row.getLong("ratings");
        Double csat = row.getDouble("csat");
        csatAverage = csat == null ? null : Math.round(csat * 100) / 100.0;
        reopenRate = resolved == 0 ? null : percent(row.getLong("reopened"), resolved);
    }

    /** As stored: {@code [group, created, resolved, reopenings, the eight times, sla, csat, ratings, reopen rate]}. */
    JsonArray json(String group) {
        JsonArray json = new JsonArray().add(group).add(created).add(resolved).add(reopenings);
        for (Double[] pair : new Double[][] {firstResponse, firstResponseBusiness, resolution, resolutionBusiness}) {
            json.add(pair[0]).add(pair[1]);
        }
        return json.add(slaMetPercent).add(csatAverage).add(csatCount).add(reopenRate);
    }

    static ReportCell of(JsonArray json) {
        ReportCell cell = new ReportCell();
        cell.created = json.getLong(1);
        cell.resolved = json.getLong(2);
        cell.reopenings = json.getLong(3);
        cell.firstResponse = new Double[] {json.getDouble(4), json.getDouble(5)};
        cell.firstResponseBusiness = new Double[] {json.getDouble(6), json.getDouble(7)};
        cell.resolution = new Double[] {json.getDouble(8), json.getDouble(9)};
        cell.resolutionBusiness = new Double[] {json.getDouble(10), json.getDouble(11)};
        cell.slaMetPercent = json.getDouble(12);
        cell.csatAverage = json.getDouble(13);
        cell.csatCount = json.getLong(14);
        cell.reopenRate = json.getDouble(15);
        return cell;
    }

    /** The median and p90 in seconds (or nulls) as minutes with one decimal. */
    private static Double[] minutes(Integer[] seconds) {
        Double[] minutes = {null, null};
        for (int i = 0; seconds != null && i < 2; i++) {
            minutes[i] = seconds[i] == null ? null : Math.round(seconds[i] / 6.0) / 10.0;
        }
        return minutes;
    }

    private static double percent(long part, long whole) {
        return Math.round(1000.0 * part / whole) / 10.0;
    }
}
