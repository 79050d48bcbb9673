package com.logishift.support.ticket.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A report as RFC 4180 CSV: a header row, then one row per (group, bucket), CRLF line ends, a field
 * quoted when it holds a comma, quote or line break. A label (an agent's name, chosen by that agent)
 * that a spreadsheet would run as a formula gets a leading apostrophe.
 */
public final class ReportCsv {

    private static final List<Column> COLUMNS = List.of(
            new Column("start", b -> b.start()),
            new Column("created", b -> b.created()),
            new Column("resolved", b -> b.resolved()),
            new Column("backlog", b -> b.backlog()),
            new Column("firstResponseMedianMinutes", b -> b.firstResponseMedianMinutes()),
            new Column("firstResponseP90Minutes", b -> b.firstResponseP90Minutes()),
            new Column("firstResponseBusinessMedianMinutes", b -> b.firstResponseBusinessMedianMinutes()),
            new Column("firstResponseBusinessP90Minutes", b -> b.firstResponseBusinessP90Minutes()),
            new Column("resolutionMedianMinutes", b -> b.resolutionMedianMinutes()),
            new Column("resolutionP90Minutes", b -> b.resolutionP90Minutes()),
            new Column("resolutionBusinessMedianMinutes", b -> b.resolutionBusinessMedianMinutes()),
            new Column("resolutionBusinessP90Minutes", b -> b.resolutionBusinessP90Minutes()),
            new Column("slaMetPercent", b -> b.slaMetPercent()),
            new Column("csatAverage", b -> b.csatAverage()),
            new Column("csatCount", b -> b.csatCount()),
            new Column("reopenRate", b -> b.reopenRate()));

    private record Column(String name, Function<Report.Bucket, Object> value) {
    }

    private ReportCsv() {
    }

    /** The header line, then each series' buckets; every line ends with CRLF. */
    public static List<String> lines(Report report) {
        List<String> lines = new ArrayList<>();
        StringBuilder header = new StringBuilder("group,label");
        COLUMNS.forEach(c -> header.append(',').append(c.name()));
        lines.add(header.append("\r\n").toString());
        for (Report.Series series : report.series()) {
            String prefix = field(series.group()) + "," + field(defused(series.label()));
            for (Report.Bucket bucket : series.buckets()) {
                StringBuilder line = new StringBuilder(prefix);
                for (Column column : COLUMNS) {
                    Object value = column.value().apply(bucket);
                    line.append(',').append(value == null ? "" : field(value.toString()));
                }
                lines.add(line.append("\r\n").toString());
            }
        }
        return lines;
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\r") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    /** OWASP's advice against formula injection: text starting with = + - @ tab or CR is not a formula. */
    static String defused(String text) {
        if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
