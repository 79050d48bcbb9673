package com.logishift.support.kit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;

/**
 * Queue tables as metrics: for each, a gauge of the rows waiting and one of how long the oldest has
 * waited (seconds, 0 when none). Each is read from the database every
 * {@code support.metrics.backlog-interval} with one non-blocking query (at most one at a time), never
 * on a scrape: a scrape reads the last values, so a slow or absent database cannot slow the metrics
 * endpoint. While the database is away the gauges keep their last values.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class Backlogs {

    private static final Logger LOG = Logger.getLogger(Backlogs.class);

    private final Pool pool;
    private final Vertx vertx;
    private final MeterRegistry registry;
    private final MetricsConfig config;
    private final List<Long> timers = new CopyOnWriteArrayList<>();

    /**
     * Starts watching the rows of {@code from} matching {@code where}, aged by the timestamp column
     * {@code since}: gauges {@code pendingGauge} and {@code oldestGauge}. {@code what} names the rows
     * in descriptions and logs ("outbox events").
     */
    public Backlog watch(String what, String from, String where, String since, String pendingGauge,
            String oldestGauge) {
        Backlog backlog = new Backlog(what, "SELECT count(*) AS pending, "
                + "COALESCE(GREATEST(0, EXTRACT(EPOCH FROM now() - min(" + since + "))), 0)::float8 AS oldest_seconds"
                + " FROM " + from + " WHERE " + where);
        Gauge.builder(pendingGauge, backlog.pending, AtomicLong::get)
                .description(what + " waiting").register(registry);
        Gauge.builder(oldestGauge, backlog.oldestMillis, millis -> millis.get() / 1000.0)
                .description("Seconds the oldest of the " + what + " has waited, 0 when none").register(registry);
        backlog.refreshQuietly();
        timers.add(vertx.setPeriodic(Math.max(1, config.backlogInterval().toMillis()), id -> backlog.refreshQuietly()));
        return backlog;
    }

    void stop(@Observes ShutdownEvent stop) {
        timers.forEach(vertx::cancelTimer);
    }

    /** One queue's gauges and their refresh. */
    public final class Backlog {

        private final String what;
        private final String sql;
        private final AtomicLong pending = new AtomicLong();
        private final AtomicLong oldestMillis = new AtomicLong();
        private final AtomicBoolean reading = new AtomicBoolean();
        private volatile boolean failing;

        private Backlog(String what, String sql) {
            this.what = what;
            this.sql = sql;
        }

        /** Reads the backlog now. */
        public Uni<Void> refresh() {
            return pool.query(sql).execute().invoke(rows -> {
                Row row = rows.iterator().next();
                pending.set(row.getLong("pending"));
                oldestMillis.set(Math.round(row.getDouble("oldest_seconds") * 1000));
            }).replaceWithVoid();
        }

        private void refreshQuietly() {
            if (!reading.compareAndSet(false, true)) {
                return; // the previous read is still under way
            }
            refresh().eventually(() -> reading.set(false)).subscribe().with(
                    ok -> {
                        if (failing) {
                            failing = false;
                            LOG.infof("The %s backlog can be read again", what);
                        }
                    },
                    failure -> {
                        // once per outage: the database being away is reported elsewhere too
                        if (!failing) {
                            failing = true;
                            LOG.warnf("Could not read the %s backlog (its gauges keep their last values): %s", what,
                                    failure.getMessage());
                        }
                    });
        }
    }
}
