package com.logishift.support.ticket.sla;

import com.logishift.support.kit.outbox.OutboxEvent;
import com.logishift.support.ticket.Priority;
import com.logishift.support.ticket.Ticket;
import com.logishift.support.ticket.conversation.Timeline;
import com.logishift.support.ticket.conversation.TimelineEntry;
import com.logishift.support.ticket.event.TicketActivity;
import com.logishift.support.ticket.event.TicketEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Announces SLA clocks reaching 80 % (sla-warning.v1) and 100 % (sla-breached.v1) of their target,
 * each exactly once per clock, on any number of replicas: every {@code support.sla.check-interval}
 * a pass claims the tickets whose {@code sla_next_check_at} has come ({@code FOR UPDATE SKIP LOCKED},
 * walking its mirror ticket_sla_check, so replicas share the work and never take the same row), and writes each alert's event, its staff-only timeline entry and its mark in
 * {@code sla_fired} in one transaction with the next check time — a batch's writes in one
 * set-based statement. A mark, once written, is never
 * cleared: a reopen does not re-arm a clock.
 */
@ApplicationScoped
public class SlaJob {

    private static final Logger LOG = Logger.getLogger(SlaJob.class);

    /**
     * The schedule is walked in ticket_sla_check (V16, a mirror of sla_next_check_at kept by
     * triggers), so the ticket table has no index on what the job rewrites. The ticket's own
     * sla_next_check_at, read once its row is locked, decides: a ticket another replica handled
     * after this statement's snapshot comes back moved on and is left alone ({@link #due}). (The same
     * condition in the WHERE made the planner join and sort every due row before the LIMIT.)
     */
    private static final String CLAIM = """
            SELECT t.id, reference, priority, customer_id, assignee_id, timeline_seq, sla_next_check_at, %s
              FROM ticket_sla_check c JOIN ticket t ON t.id = c.ticket_id
             WHERE c.next_check_at <= $1
             ORDER BY c.next_check_at
             LIMIT $2
               FOR UPDATE OF t SKIP LOCKED""".formatted(SlaClocks.SELECT_COLUMNS);

    /** A bound on one pass (1,000 batches of 200 by default), so no pass can run on for ever. */
    private static final int MAX_BATCHES_PER_PASS = 1000;

    /**
     * A whole batch in one statement (arrays through unnest, one element per claimed ticket): its
     * marks, next checks and timeline counters, the alerts' outbox events and their timeline entries.
     * At 1,000 due alerts among 250,000 running clocks a statement per ticket took 1.6 s a pass.
     */
    private static final String WRITE = """
            WITH tickets AS (
                UPDATE ticket t SET sla_fired = c.fired, sla_next_check_at = c.next_check, timeline_seq = c.timeline_seq
                  FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::int[]) AS c(id, fired, next_check, timeline_seq)
                 WHERE t.id = c.id),
            events AS (%s)
            """.formatted(OutboxEvent.insertSql(5)) + Timeline.insertOfTicketsSql(5 + OutboxEvent.ARRAYS);

    private final Pool pool;
    private final SlaPolicies policies;
    private final TicketEvents events;
    private final TicketActivity activity;
    private final SlaConfig config;
    private final Vertx vertx;
    private final Clock clock;
    private final AtomicBoolean passing = new AtomicBoolean();
    /** How long each scheduled pass takes and how many alerts it writes (the benchmark reads both). */
    private final Timer passes;
    private final Counter alerts;
    /** support.sla.breaches{clock}: first_response, resolution; counted once their batch committed. */
    private final Map<SlaClockKind, Counter> breaches = new EnumMap<>(SlaClockKind.class);
    private long timer = -1;

    public SlaJob(Pool pool, SlaPolicies policies, TicketEvents events, TicketActivity activity, SlaConfig config,
            Vertx vertx, Clock clock, MeterRegistry metrics) {
        this.pool = pool;
        this.policies = policies;
        this.events = events;
        this.activity = activity;
        this.config = config;
        this.vertx = vertx;
        this.clock = clock;
        this.passes = metrics.timer("support.sla.pass");
        this.alerts = metrics.counter("support.sla.alerts");
        for (SlaClockKind kind : SlaClockKind.values()) {
            breaches.put(kind, metrics.counter("support.sla.breaches", "clock", kind.name().toLowerCase(Locale.ROOT)));
        }
    }

    void start(@Observes StartupEvent start) {
        timer = vertx.setPeriodic(Math.max(1, config.checkInterval().toMillis()), id -> {
            if (!passing.compareAndSet(false, true)) {
                return; // the previous pass is still running on this replica
            }
            Timer.Sample started = Timer.start();
            pass(clock.instant()).eventually(() -> passing.set(false)).subscribe().with(
                    fired -> {
                        started.stop(passes);
                        alerts.increment(fired);
                        LOG.debugf("SLA pass: %d alerts", fired);
                    },
                    failure -> LOG.warnf("SLA pass failed (the next one retries): %s", failure.getMessage()));
        });
    }

    void stop(@Observes ShutdownEvent stop) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /**
     * One pass at {@code now}: batches of due tickets, each batch one transaction, until none is left.
     * Returns how many alerts were written. Safe to run on several replicas (and threads) at once.
     */
    public Uni<Integer> pass(Instant now) {
        return batches(now.truncatedTo(ChronoUnit.MICROS), MAX_BATCHES_PER_PASS).invoke(fired -> {
            if (fired > 0) {
                activity.committedSeveral();
            }
        });
    }

    /** Batches until one comes back short; at most {@code left}, the next pass goes on from there. */
    private Uni<Integer> batches(Instant now, int left) {
        return batch(now).flatMap(result -> {
            if (result[1] < config.batchSize() || left <= 1) {
                return Uni.createFrom().item(result[0]);
            }
            return batches(now, left - 1).map(more -> more + result[0]);
        });
    }

    /** {alerts written, tickets claimed} */
    private Uni<int[]> batch(Instant now) {
        Map<SlaClockKind, Integer> breached = new EnumMap<>(SlaClockKind.class);
        return pool.withTransaction(tx -> tx.preparedQuery(CLAIM)
                .execute(Tuple.of(SlaClocks.utc(now), config.batchSize()))
                .flatMap(rows -> {
                    List<Row> claimed = new ArrayList<>(rows.size());
                    rows.forEach(row -> {
                        if (due(row, now)) {
                            claimed.add(row);
                        }
                    });
                    if (claimed.isEmpty()) {
                        return Uni.createFrom().item(new int[] {0, rows.size()});
                    }
                    List<Integer> versions = claimed.stream().map(r -> r.getInteger("sla_policy_version"))
                            .filter(Objects::nonNull).toList();
                    return policies.versions(versions).flatMap(byVersion -> {
                        Batch batch = new Batch(claimed.size());
                        claimed.forEach(row -> check(row, byVersion, now, batch, breached));
                        return tx.preparedQuery(WRITE).execute(batch.parameters(now))
                                .map(ignored -> new int[] {batch.alerts(), rows.size()});
                    });
                }))
                .invoke(() -> breached.forEach((kind, count) -> breaches.get(kind).increment(count)));
    }

    /** Whether the locked ticket still has its check due (the mirror may lag behind a concurrent commit). */
    private static boolean due(Row row, Instant now) {
        OffsetDateTime next = row.getOffsetDateTime("sla_next_check_at");
        return next != null && !next.toInstant().isAfter(now);
    }

    /** Adds the ticket's due alerts and its next check to the batch, and its breaches to {@code breached}. */
    private void check(Row row, Map<Integer, SlaPolicy> policies, Instant now, Batch batch,
            Map<SlaClockKind, Integer> breached) {
        Ticket ticket = new Ticket();
        ticket.id = row.getUUID("id");
        ticket.reference = row.getString("reference");
        ticket.priority = Priority.valueOf(row.getString("priority"));
        ticket.customerId = row.getUUID("customer_id");
        ticket.assigneeId = row.getUUID("assignee_id");
        SlaClocks.read(row, ticket);
        TicketSla sla = SlaClocks.read(ticket);
        int timelineSeq = row.getInteger("timeline_seq");
        if (sla == null) {
            batch.ticket(ticket.id, ticket.slaFired, null, timelineSeq, List.of());
            return;
        }
        SlaPolicy policy = policies.get(sla.policyVersion());
        int fired = ticket.slaFired;
        List<TicketEvents.Change> changes = new ArrayList<>();
        for (SlaAlert alert : sla.alertsDue(policy, ticket.priority, fired, now)) {
            changes.add(events.slaAlerted(ticket, alert.breach(), alert.clock().name(),
                    sla.clock(alert.clock()).dueAt(), now));
            fired = alert.mark(fired);
            if (alert.breach()) {
                breached.merge(alert.clock(), 1, Integer::sum);
            }
        }
        batch.ticket(ticket.id, fired, sla.nextCheck(policy, ticket.priority, fired, now), timelineSeq, changes);
    }

    /** What one batch writes: a row per claimed ticket, and the alerts' events and entries. */
    private static final class Batch {

        private final List<UUID> ids;
        private final List<Integer> fired;
        private final List<OffsetDateTime> nextChecks;
        private final List<Integer> timelineSeqs;
        private final List<OutboxEvent> outbox = new ArrayList<>();
        private final List<UUID> entryTickets = new ArrayList<>();
        private final List<Integer> entrySeqs = new ArrayList<>();
        private final List<TimelineEntry> entries = new ArrayList<>();
        private int alerts;

        Batch(int tickets) {
            ids = new ArrayList<>(tickets);
            fired = new ArrayList<>(tickets);
            nextChecks = new ArrayList<>(tickets);
            timelineSeqs = new ArrayList<>(tickets);
        }

        /** The ticket's entries are numbered after its {@code timelineSeq}, which the claim read under the row lock. */
        void ticket(UUID id, int firedNow, Instant nextCheck, int timelineSeq, List<TicketEvents.Change> changes) {
            int seq = timelineSeq;
            for (TicketEvents.Change change : changes) {
                outbox.addAll(change.events());
                for (TimelineEntry entry : change.timeline()) {
                    entryTickets.add(id);
                    entrySeqs.add(++seq);
                    entries.add(entry);
                }
            }
            alerts += changes.size();
            ids.add(id);
            fired.add(firedNow);
            nextChecks.add(SlaClocks.utc(nextCheck));
            timelineSeqs.add(seq);
        }

        int alerts() {
            return alerts;
        }

        Tuple parameters(Instant now) {
            Tuple tuple = Tuple.tuple().addArrayOfUUID(ids.toArray(UUID[]::new))
                    .addArrayOfInteger(fired.toArray(Integer[]::new))
                    .addArrayOfOffsetDateTime(nextChecks.toArray(OffsetDateTime[]::new))
                    .addArrayOfInteger(timelineSeqs.toArray(Integer[]::new));
            OutboxEvent.addArrays(tuple, outbox);
            return Timeline.parametersOfTickets(tuple, entryTickets.toArray(UUID[]::new), now,
                    entrySeqs.stream().mapToInt(Integer::intValue).toArray(), entries);
        }
    }
}
