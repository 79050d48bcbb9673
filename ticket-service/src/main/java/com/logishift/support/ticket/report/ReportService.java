package com.logishift.support.ticket.report;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;
import lombok.RequiredArgsConstructor;

/**
 * Reports from the fact tables of V15. A report's settled buckets (ended two days ago, see
 * {@link ReportBuckets}) are read as stored, or computed from the facts once and stored; the recent
 * ones are always computed from the facts ({@link ReportFacts}); side by side with those, the backlog
 * before the range. The backlog at each bucket's end is that plus the running sum of
 * created − resolved + reopened.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class ReportService {

    // where the facts begin: the backlog before a range is the net of everything since
    private static final String FIRST_FACT = """
            SELECT least((SELECT min(created_at) FROM report_ticket), (SELECT min(resolved_at) FROM report_resolution),
                         (SELECT min(reopened_at) FROM report_resolution)) AS first""";

    // tickets created in [$1, $2), less those resolved then, plus those reopened then
    private static final String NET = """
            SELECT g, sum(n)::bigint AS n FROM (
                SELECT %1$s AS g, count(*) AS n FROM report_ticket WHERE created_at >= $1 AND created_at < $2 GROUP BY 1
                UNION ALL SELECT %1$s, -count(*) FROM report_resolution WHERE resolved_at >= $1 AND resolved_at < $2 GROUP BY 1
                UNION ALL SELECT %1$s, count(*) FROM report_resolution WHERE reopened_at >= $1 AND reopened_at < $2 GROUP BY 1) facts
             GROUP BY g""";

    private final Pool pool;
    private final ReportConfig config;
    private final ReportBuckets stored;

    public Uni<Report> report(ReportRange range) {
        List<OffsetDateTime> starts = range.bucketStarts().stream().map(ReportService::utc).toList();
        List<OffsetDateTime> ends = new ArrayList<>(starts.subList(1, starts.size()));
        ends.add(utc(range.end()));
        ReportGrouping grouping = range.grouping();
        Instant now = Instant.now();
        return stored.read(grouping, starts, ends).flatMap(found -> {
            List<Integer> missing = IntStream.range(0, starts.size()).filter(i -> !found.has(i)).boxed().toList();
            List<Integer> settled = missing.stream().filter(i -> ReportBuckets.settled(ends.get(i), now)).toList();
            List<Integer> recent = missing.stream().filter(i -> !settled.contains(i)).toList();
            return Uni.combine().all().unis(
                            stored.fill(grouping, settled, starts, ends),
                            ReportFacts.compute(this::query, grouping, recent, starts, ends),
                            backlogBefore(grouping, starts.get(0), now))
                    .with((filled, computed, backlog) -> {
                        ReportCells cells = found.addAll(filled).addAll(computed);
                        Groups groups = new Groups(starts.size());
                        grouping.fixedGroups().forEach(groups::of);
                        for (int i = 0; i < starts.size(); i++) {
                            int bucket = i;
                            cells.in(i).forEach((group, cell) -> groups.of(group)[bucket] = cell);
                        }
                        backlog.forEach((group, n) -> groups.of(group)[0].backlogBefore = n);
                        return groups;
                    });
        }).flatMap(groups -> labels(grouping, groups.keys()).map(labels -> assemble(range, starts, groups, labels)));
    }

    /**
     * Open at {@code start}, per group: the net (created − resolved + reopened) of every UTC day since the
     * first fact, from the stored day buckets (settled days: a day's counts are in its cells), and of the
     * rest up to {@code start} from the facts — so a range's start late in a long history costs a few
     * hundred small rows, not a count of every fact before it.
     */
    private Uni<Map<String, Long>> backlogBefore(ReportGrouping grouping, OffsetDateTime start, Instant now) {
        return pool.query(FIRST_FACT).execute().flatMap(rows -> {
            OffsetDateTime first = rows.iterator().next().getOffsetDateTime("first");
            first = first == null ? null : utc(first);
            Map<String, Long> open = new LinkedHashMap<>();
            if (first == null || !first.isBefore(start)) {
                return Uni.createFrom().item(open);
            }
            LocalDate edge = Collections.min(List.of(start.toLocalDate(),
                    now.minus(ReportBuckets.SETTLED).atOffset(ZoneOffset.UTC).toLocalDate()));
            List<OffsetDateTime> days = new ArrayList<>();
            for (LocalDate day = first.toLocalDate(); day.isBefore(edge); day = day.plusDays(1)) {
                days.add(day.atStartOfDay().atOffset(ZoneOffset.UTC));
            }
            OffsetDateTime rest = days.isEmpty() ? first : edge.atStartOfDay().atOffset(ZoneOffset.UTC);
            List<OffsetDateTime> ends = days.stream().map(day -> day.plusDays(1)).toList();
            return Uni.combine().all().unis(stored.settledOnes(grouping, days, ends),
                            pool.preparedQuery(NET.formatted(grouping.sql())).execute(Tuple.of(rest, start)))
                    .with((stored, recent) -> {
                        for (int i = 0; i < days.size(); i++) {
                            stored.in(i).forEach((group, cell) -> open.merge(group,
                                    cell.created - cell.resolved + cell.reopenings, Long::sum));
                        }
                        recent.forEach(row -> open.merge(row.getString("g"), row.getLong("n"), Long::sum));
                        return open;
                    });
        });
    }

    /** A statement on its own connection; those that sort times get more memory for it (a transaction for SET LOCAL). */
    private Uni<RowSet<Row>> query(String sql, Tuple parameters, boolean sorts) {
        if (!sorts) {
            return pool.preparedQuery(sql).execute(parameters);
        }
        return pool.withTransaction((SqlConnection connection) -> connection.query(workMem(config)).execute()
                .flatMap(ignored -> connection.preparedQuery(sql).execute(parameters)));
    }

    /** The statement that gives a transaction's sorts {@code support.reports.work-mem}. */
    static String workMem(ReportConfig config) {
        return "SET LOCAL work_mem = '" + config.workMem().replace("'", "") + "'";
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
        List<OffsetDateTime> shown = range.bucketStarts();
        List<String> keys = new ArrayList<>(groups.keys());
        if (range.grouping() == ReportGrouping.AGENT) {
            // by name, unassigned last
            keys.sort(Comparator.nullsLast(Comparator.comparing((String id) -> names.getOrDefault(id, id),
                    String.CASE_INSENSITIVE_ORDER).thenComparing(Comparator.naturalOrder())));
        }
        List<Report.Series> series = new ArrayList<>();
        for (String key : keys) {
            ReportCell[] cells = groups.of(key);
            long backlog = cells[0].backlogBefore;
            List<Report.Bucket> buckets = new ArrayList<>(cells.length);
            for (int i = 0; i < cells.length; i++) {
                ReportCell c = cells[i];
                backlog += c.created - c.resolved + c.reopenings;
                buckets.add(c.bucket(shown.get(i).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), backlog));
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
        private final Map<String, ReportCell[]> cells = new LinkedHashMap<>();

        Groups(int buckets) {
            this.buckets = buckets;
        }

        ReportCell[] of(String group) {
            return cells.computeIfAbsent(group, g -> {
                ReportCell[] row = new ReportCell[buckets];
                for (int i = 0; i < buckets; i++) {
                    row[i] = new ReportCell();
                }
                return row;
            });
        }

        List<String> keys() {
            return new ArrayList<>(cells.keySet());
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
