package com.logishift.support.ticket.report;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import lombok.RequiredArgsConstructor;

/**
 * Settled buckets, stored once computed (V19, {@code report_bucket}): a report of a year reads them
 * instead of sorting a year of facts. A bucket is settled when it ended {@link #SETTLED} ago; V19's
 * triggers forget a stored bucket when a fact in it older than a day changes, so a stored bucket is
 * always the one the facts would give. Buckets are keyed by their instants and grouping, not by zone.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class ReportBuckets {

    /** Twice V19's one day: the margin covers clock skew between this service and the database. */
    static final Duration SETTLED = Duration.ofDays(2);

    private static final String READ = """
            SELECT start_at, end_at, cells FROM report_bucket
             WHERE grouping = $1 AND start_at >= $2 AND start_at < $3""";

    private static final String STORE = """
            INSERT INTO report_bucket (grouping, start_at, end_at, cells) VALUES ($1, $2, $3, $4)
            ON CONFLICT (grouping, start_at, end_at) DO UPDATE SET cells = EXCLUDED.cells""";

    // one filler at a time, and no change of an old fact commits while it reads and stores (see V19)
    private static final String LOCK = "LOCK TABLE report_bucket IN SHARE ROW EXCLUSIVE MODE";

    private final Pool pool;
    private final ReportConfig config;

    /** Whether a bucket ending then may be stored. */
    static boolean settled(OffsetDateTime end, Instant now) {
        return !end.toInstant().isAfter(now.minus(SETTLED));
    }

    /** The stored ones of the report's buckets (indexes into {@code starts}/{@code ends}, instants in UTC). */
    Uni<ReportCells> read(ReportGrouping grouping, List<OffsetDateTime> starts, List<OffsetDateTime> ends) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            all.add(i);
        }
        return read(pool, grouping, all, starts, ends);
    }

    /** These buckets, every one settled: those stored read, the others computed and stored. */
    Uni<ReportCells> settledOnes(ReportGrouping grouping, List<OffsetDateTime> starts, List<OffsetDateTime> ends) {
        if (starts.isEmpty()) {
            return Uni.createFrom().item(new ReportCells());
        }
        return read(grouping, starts, ends).flatMap(found -> fill(grouping,
                IntStream.range(0, starts.size()).filter(i -> !found.has(i)).boxed().toList(), starts, ends)
                .map(found::addAll));
    }

    /**
     * The buckets {@code wanted} (all settled): those another report stored meanwhile are read, the
     * others computed from the facts and stored, all under V19's lock.
     */
    Uni<ReportCells> fill(ReportGrouping grouping, List<Integer> wanted, List<OffsetDateTime> starts,
            List<OffsetDateTime> ends) {
        if (wanted.isEmpty()) {
            return Uni.createFrom().item(new ReportCells());
        }
        Uni<ReportCells> work = pool.withTransaction((SqlConnection connection) -> connection.query(LOCK).execute()
                .flatMap(locked -> read(connection, grouping, wanted, starts, ends))
                .flatMap(found -> {
                    List<Integer> missing = wanted.stream().filter(i -> !found.has(i)).toList();
                    if (missing.isEmpty()) {
                        return Uni.createFrom().item(found);
                    }
                    return connection.query(ReportService.workMem(config)).execute()
                            .flatMap(set -> ReportFacts.compute((sql, parameters, sorts) ->
                                    connection.preparedQuery(sql).execute(parameters), grouping, missing, starts, ends))
                            .flatMap(computed -> store(connection, grouping, missing, starts, ends, computed)
                                    .replaceWith(found.addAll(computed)));
                }));
        // finished even when the asking client gives up (a first report can take seconds): the next one reads it
        return Uni.createFrom().emitter(emitter -> work.subscribe().with(emitter::complete, emitter::fail));
    }

    private static Uni<ReportCells> read(SqlClient client, ReportGrouping grouping, List<Integer> wanted,
            List<OffsetDateTime> starts, List<OffsetDateTime> ends) {
        Map<Instant, Integer> byStart = new HashMap<>();
        wanted.forEach(i -> byStart.put(starts.get(i).toInstant(), i));
        OffsetDateTime first = starts.get(wanted.get(0));
        OffsetDateTime last = ends.get(wanted.get(wanted.size() - 1));
        return client.preparedQuery(READ).execute(Tuple.of(grouping.name(), first, last)).map(rows -> {
            ReportCells cells = new ReportCells();
            for (Row row : rows) {
                Integer bucket = byStart.get(row.getOffsetDateTime("start_at").toInstant());
                // the same start with another end is another bucket (a range's last, cut short by its end)
                if (bucket != null && ends.get(bucket).toInstant().equals(row.getOffsetDateTime("end_at").toInstant())) {
                    Map<String, ReportCell> groups = cells.in(bucket);
                    for (Object cell : row.getJsonArray("cells")) {
                        JsonArray json = (JsonArray) cell;
                        groups.put(json.getString(0), ReportCell.of(json));
                    }
                }
            }
            return cells;
        });
    }

    private static Uni<Void> store(SqlConnection connection, ReportGrouping grouping, List<Integer> buckets,
            List<OffsetDateTime> starts, List<OffsetDateTime> ends, ReportCells cells) {
        List<Tuple> rows = new ArrayList<>();
        for (int i : buckets) {
            JsonArray json = new JsonArray();
            cells.in(i).forEach((group, cell) -> json.add(cell.json(group)));
            rows.add(Tuple.of(grouping.name(), starts.get(i), ends.get(i)).addJsonArray(json));
        }
        return connection.preparedQuery(STORE).executeBatch(rows).replaceWithVoid();
    }
}
