package com.logishift.support.ticket.report;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Some buckets' numbers computed from the V15 facts: creations, first responses, resolutions and
 * reopenings per (bucket, group), each statement one index range scan per bucket (the {@code INCLUDE}
 * indexes of V15 carry what it reads), exact {@code percentile_disc} over each bucket's own facts.
 */
final class ReportFacts {

    /** The buckets asked for, numbered from 1 ({@code b.i}): their instants {@code [s, e)}. */
    private static final String BUCKETS = "unnest($1::timestamptz[], $2::timestamptz[]) WITH ORDINALITY AS b(s, e, i)";

    private static final String CREATED = """
            SELECT b.i AS b, %1$s AS g, count(*) AS n
              FROM %2$s JOIN report_ticket ON created_at >= b.s AND created_at < b.e GROUP BY 1, 2""";

    private static final String FIRST_RESPONSES = """
            SELECT b.i AS b, %1$s AS g,
                   percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY first_response_seconds) AS wall,
                   percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY first_response_business_seconds) AS business
              FROM %2$s JOIN report_ticket ON first_response_at >= b.s AND first_response_at < b.e GROUP BY 1, 2""";

    private static final String RESOLUTIONS = """
            SELECT b.i AS b, %1$s AS g, count(*) AS n,
                   percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY resolution_seconds) AS wall,
                   percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY resolution_business_seconds) AS business,
                   count(*) FILTER (WHERE sla_met) AS met, count(sla_met) AS clocks,
                   avg(csat)::float8 AS csat, count(csat) AS ratings,
                   count(reopened_at) AS reopened
              FROM %2$s JOIN report_resolution ON resolved_at >= b.s AND resolved_at < b.e GROUP BY 1, 2""";

    private static final String REOPENINGS = """
            SELECT b.i AS b, %1$s AS g, count(*) AS n
              FROM %2$s JOIN report_resolution ON reopened_at >= b.s AND reopened_at < b.e GROUP BY 1, 2""";

    /** Runs one statement; {@code sorts}: it sorts times, so it needs the larger {@code work_mem}. */
    @FunctionalInterface
    interface Statements {
        Uni<RowSet<Row>> run(String sql, Tuple parameters, boolean sorts);
    }

    private ReportFacts() {
    }

    /**
     * The numbers of the buckets {@code wanted} (indexes into {@code starts}/{@code ends}, instants in
     * UTC); every one of them is in the answer, an empty one without groups.
     */
    static Uni<ReportCells> compute(Statements statements, ReportGrouping grouping, List<Integer> wanted,
            List<OffsetDateTime> starts, List<OffsetDateTime> ends) {
        ReportCells cells = new ReportCells();
        wanted.forEach(cells::in);
        if (wanted.isEmpty()) {
            return Uni.createFrom().item(cells);
        }
        Tuple bounds = Tuple.tuple()
                .addArrayOfOffsetDateTime(wanted.stream().map(starts::get).toArray(OffsetDateTime[]::new))
                .addArrayOfOffsetDateTime(wanted.stream().map(ends::get).toArray(OffsetDateTime[]::new));
        String group = grouping.sql();
        return Uni.combine().all().unis(
                        statements.run(CREATED.formatted(group, BUCKETS), bounds, false),
                        statements.run(FIRST_RESPONSES.formatted(group, BUCKETS), bounds, true),
                        statements.run(RESOLUTIONS.formatted(group, BUCKETS), bounds, true),
                        statements.run(REOPENINGS.formatted(group, BUCKETS), bounds, false))
                .with((created, firstResponses, resolutions, reopenings) -> {
                    each(created, wanted, cells, (row, c) -> c.created = row.getLong("n"));
                    each(firstResponses, wanted, cells, (row, c) -> c.firstResponses(row));
                    each(resolutions, wanted, cells, (row, c) -> c.resolutions(row));
                    each(reopenings, wanted, cells, (row, c) -> c.reopenings = row.getLong("n"));
                    return cells;
                });
    }

    private static void each(RowSet<Row> rows, List<Integer> wanted, ReportCells cells, BiConsumer<Row, ReportCell> fill) {
        for (Row row : rows) {
            fill.accept(row, cells.of(wanted.get(row.getInteger("b") - 1), row.getString("g")));
        }
    }
}
