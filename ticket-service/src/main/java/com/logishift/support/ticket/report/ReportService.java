package com.logishift.support.ticket.report;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Reports from the fact tables of V15. Five statements run side by side, each one index range scan
 * over one time column: tickets created, first responses, resolutions, reopenings per (bucket, group),
 * and the backlog before the range; the backlog at each bucket's end is that plus the running sum of
 * created − resolved + reopened. A fact's bucket is {@code width_bucket(time, bucket starts)}.
 */
@ApplicationScoped
public class ReportService {

    private static final String CREATED = """
            SELECT width_bucket(created_at, $3) AS b, %1$s AS g, count(*) AS n
              FROM report_ticket WHERE created_at >= $1 AND created_at < $2 GROUP BY 1, 2""";

    private static final String FIRST_RESPONSES = """
            SELECT width_bucket(first_response_at, $3) AS b, %1$s AS g,
                   percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY first_response_seconds) AS wall,
                   percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY first_response_business_seconds) AS business
              FROM report_ticket WHERE first_response_at >= $1 AND first_response_at < $2 GROUP BY 1, 2""";

    private static final String RESOLUTIONS = """
            SELECT width_bucket(resolved_at, $3) AS b, %1$s AS g, count(*) AS n,
                   percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY resolution_seconds) AS wall,
                   percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY resolution_business_seconds) AS business,
                   count(*) FILTER (WHERE sla_met) AS met, count(sla_met) AS clocks,
                   avg(csat)::float8 AS csat, count(csat) AS ratings,
                   count(reopened_at) AS reopened
              FROM report_resolution WHERE resolved_at >= $1 AND resolved_at < $2 GROUP BY 1, 2""";

    private static final String REOPENINGS = """
            SELECT width_bucket(reopened_at, $3) AS b, %1$s AS g, count(*) AS n
              FROM report_resolution WHERE reopened_at >= $1 AND reopened_at < $2 GROUP BY 1, 2""";

    // open at the range's start: created before it, less those resolved before it and not reopened by then
    private static final String BACKLOG_BEFORE = """
            SELECT g, sum(n)::bigint AS n FROM (
                SELECT %1$s AS g, count(*) AS n FROM report_ticket WHERE created_at < $1 GROUP BY 1
                UNION ALL SELECT %1$s, -count(*) FROM report_resolution WHERE resolved_at < $1 GROUP BY 1
                UNION ALL SELECT %1$s, count(*) FROM report_resolution WHERE reopened_at < $1 GROUP BY 1) facts
             GROUP BY g""";

    private final Pool pool;
    private final ReportConfig config;

    public ReportService(Pool pool, ReportConfig config) {
        this.pool = pool;
        this.config = config;
    }

    public Uni<Report> report(ReportRange range) {
        List<OffsetDateTime> starts = range.bucketStarts();
        String group = range.grouping().sql();
        Tuple inRange = Tuple.of(utc(range.start()), utc(range.end()))
                .addArrayOfOffsetDateTime(starts.stream().map(ReportService::utc).toArray(OffsetDateTime[]::new));
        Tuple before = Tuple.of(utc(range.start()));
        Groups groups = new Groups(starts.size());
        return Uni.combine().all().unis(
                        query(CREATED.formatted(group), inRange, false),
                        query(FIRST_RESPONSES.formatted(group), inRange, true),
                        query(RESOLUTIONS.formatted(group), inRange, true),
                        query(REOPENINGS.formatted(group), inRange, false),
                        query(BACKLOG_BEFORE.formatted(group), before, false))
                .with((created, firstResponses, resolutions, reopenings, backlog) -> {
                    range.grouping().fixedGroups().forEach(groups::of);
                    each(created, groups, (row, b) -> b.created = row.getLong("n"));
                    each(firstResponses, groups, (row, b) -> {
                        b.firstResponse = minutes(row.getArrayOfIntegers("wall"));
                        b.firstResponseBusiness = minutes(row.getArrayOfIntegers("business"));
                    });
                    each(resolutions, groups, ReportService::resolutions);
                    each(reopenings, groups, (row, b) -> b.reopenings = row.getLong("n"));
                    backlog.forEach(row -> groups.of(row.getString("g"))[0].backlogBefore = row.getLong("n"));
                    return groups;
                })
                .flatMap(found -> labels(range.grouping(), found.keys()))
                .map(labels -> assemble(range, starts, groups, labels));
    }

    private static void resolutions(Row row, Cell b) {
        b.resolved = row.getLong("n");
        b.resolution = minutes(row.getArrayOfIntegers("wall"));
        b.resolutionBusiness = minutes(row.getArrayOfIntegers("business"));
        long clocks = row.getLong("clocks");
        b.slaMetPercent = clocks == 0 ? null : percent(row.getLong("met"), clocks);
        b.csatCount = row.getLong("ratings");
        Double csat = row.getDouble("csat");
        b.csatAverage = csat == null ? null : Math.round(csat * 100) / 100.0;
        b.reopenRate = b.resolved == 0 ? null : percent(row.getLong("reopened"), b.resolved);
    }

    /** A statement on its own connection; those that sort times get more memory for it (a transaction for SET LOCAL). */
    private Uni<RowSet<Row>> query(String sql, Tuple parameters, boolean sorts) {
        if (!sorts) {
            return pool.preparedQuery(sql).execute(parameters);
        }
        return pool.withTransaction((SqlConnection connection) -> connection
                .query("SET LOCAL work_mem = '" + config.workMem().replace("'", "") + "'").execute()
                .flatMap(ignored -> connection.preparedQuery(sql).execute(parameters)));
    }

    private static void each(RowSet<Row> rows, Groups groups, java.util.function.BiConsumer<Row, Cell> fill) {
        for (Row row : rows) {
            Cell[] cells = groups.of(row.getString("g"));
            fill.accept(row, cells[row.getInteger("b") - 1]);
        }
    }

    /** Agent names for the agent grouping (an agent the read model does not know keeps its id). */
    private Uni<Map<String, String>> labels(ReportGrouping grouping, List<String> keys) {
        if (grouping != ReportGrouping.AGENT) {
            return Uni.createFrom().item(Map.of());
        }
        UUID[] ids = keys.stream().filter(Objects::nonNull).map(UUID::fromString).toArray(UUID[]::new);
        return pool.preparedQuery("SELECT id::text AS id, name FROM agent WHERE id = ANY($1)")
                .execute(Tuple.of(ids))
                .map(rows -> {
                    Map<String, String> names = new HashMap<>();
                    rows.forEach(row -> names.put(row.getString("id"), row.getString("name")));
                    return names;
                });
    }

    private static Report assemble(ReportRange range, List<OffsetDateTime> starts, Groups groups,
            Map<String, String> names) {
        List<String> keys = new ArrayList<>(groups.keys());
        if (range.grouping() == ReportGrouping.AGENT) {
            // by name, unassigned last
            keys.sort(Comparator.nullsLast(Comparator.comparing((String id) -> names.getOrDefault(id, id),
                    String.CASE_INSENSITIVE_ORDER).thenComparing(Comparator.naturalOrder())));
        }
        List<Report.Series> series = new ArrayList<>();
        for (String key : keys) {
            Cell[] cells = groups.of(key);
            long backlog = cells[0].backlogBefore;
            List<Report.Bucket> buckets = new ArrayList<>(cells.length);
            for (int i = 0; i < cells.length; i++) {
                Cell c = cells[i];
                backlog += c.created - c.resolved + c.reopenings;
                buckets.add(c.bucket(starts.get(i).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), backlog));
            }
            String label = range.grouping() == ReportGrouping.AGENT
                    ? (key == null ? null : names.getOrDefault(key, key)) : key;
            series.add(new Report.Series(key, label, buckets));
        }
        return new Report(range.from().toString(), range.to().toString(), lower(range.interval()),
                range.zone().getId(), lower(range.grouping()), series);
    }

    /** Per group (in the order first seen), one cell per bucket. */
    private static final class Groups {
        private final int buckets;
        private final Map<String, Cell[]> cells = new LinkedHashMap<>();

        Groups(int buckets) {
            this.buckets = buckets;
        }

        Cell[] of(String group) {
            return cells.computeIfAbsent(group, g -> {
                Cell[] row = new Cell[buckets];
                for (int i = 0; i < buckets; i++) {
                    row[i] = new Cell();
                }
                return row;
            });
        }

        List<String> keys() {
            return new ArrayList<>(cells.keySet());
        }
    }

    /** One bucket of one group while it is being filled. */
    private static final class Cell {
        long created;
        long resolved;
        long reopenings;
        long backlogBefore; // open at the range's start: read from the group's first cell
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

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
