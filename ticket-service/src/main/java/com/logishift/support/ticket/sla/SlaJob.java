package com.logishift.support.ticket.sla;

import com.logishift.support.kit.outbox.OutboxEvent;
import com.logishift.support.ticket.Priority;
import com.logishift.support.ticket.Ticket;
import com.logishift.support.ticket.conversation.Timeline;
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
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Announces SLA clocks reaching 80 % (sla-warning.v1) and 100 % (sla-breached.v1) of their target,
 * each exactly once per clock, on any number of replicas: every {@code support.sla.check-interval}
 * a pass claims the tickets whose {@code sla_next_check_at} has come ({@code FOR UPDATE SKIP LOCKED}
 * on the partial index ticket_sla_next_check_idx, so replicas share the work and never take the same
 * row), and writes each alert's event, its staff-only timeline entry and its mark in
 * {@code sla_fired} in one transaction with the next check time. A mark, once written, is never
 * cleared: a reopen does not re-arm a clock.
 */
@ApplicationScoped
public class SlaJob {

    private static final Logger LOG = Logger.getLogger(SlaJob.class);

    private static final String CLAIM = """
            SELECT id, reference, priority, customer_id, assignee_id, timeline_seq, %s
              FROM ticket
             WHERE sla_next_check_at <= $1
             ORDER BY sla_next_check_at
             LIMIT $2
               FOR UPDATE SKIP LOCKED""".formatted(SlaClocks.SELECT_COLUMNS);

    /** A bound on one pass (1,000 batches of 200 by default), so no pass can run on for ever. */
    private static final int MAX_BATCHES_PER_PASS = 1000;

    private static final String NOTHING_TO_SAY = "UPDATE ticket SET sla_next_check_at = $2 WHERE id = $1";

    private static final String ALERTS = """
            WITH ticket_update AS (
                UPDATE ticket SET sla_fired = $2, sla_next_check_at = $3, timeline_seq = $4 WHERE id = $1),
            events AS (
                INSERT INTO outbox_event (id, aggregate_type, aggregate_id, event_type, payload, occurred_at)
                SELECT * FROM unnest($5::uuid[], $6::varchar[], $7::varchar[], $8::varchar[], $9::text[],
                                     $10::timestamptz[]))
            """ + Timeline.insertSql(11);

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
        return pool.withTransaction(tx -> tx.preparedQuery(CLAIM)
                .execute(Tuple.of(SlaClocks.utc(now), config.batchSize()))
                .flatMap(rows -> {
                    List<Row> claimed = new ArrayList<>(rows.size());
                    rows.forEach(claimed::add);
                    Uni<Integer> fired = Uni.createFrom().item(0);
                    for (Row row : claimed) {
                        fired = fired.flatMap(sum -> check(tx, row, now).map(n -> sum + n));
                    }
                    return fired.map(sum -> new int[] {sum, claimed.size()});
                }));
    }

    /** Writes the ticket's due alerts and its next check; returns how many alerts. */
    private Uni<Integer> check(SqlConnection tx, Row row, Instant now) {
        Ticket ticket = new Ticket();
        ticket.id = row.getUUID("id");
        ticket.reference = row.getString("reference");
        ticket.priority = Priority.valueOf(row.getString("priority"));
        ticket.customerId = row.getUUID("customer_id");
        ticket.assigneeId = row.getUUID("assignee_id");
        SlaClocks.read(row, ticket);
        TicketSla sla = SlaClocks.read(ticket);
        if (sla == null) {
            return tx.preparedQuery(NOTHING_TO_SAY).execute(Tuple.of(ticket.id, null)).replaceWith(0);
        }
        return policies.version(sla.policyVersion()).flatMap(policy -> {
            int fired = ticket.slaFired;
            List<TicketEvents.Change> changes = new ArrayList<>();
            for (SlaAlert alert : sla.alertsDue(policy, ticket.priority, fired, now)) {
                changes.add(events.slaAlerted(ticket, alert.breach(), alert.clock().name(),
                        sla.clock(alert.clock()).dueAt(), now));
                fired = alert.mark(fired);
            }
            Instant next = sla.nextCheck(policy, ticket.priority, fired, now);
            if (changes.isEmpty()) {
                return tx.preparedQuery(NOTHING_TO_SAY).execute(Tuple.of(ticket.id, SlaClocks.utc(next)))
                        .replaceWith(0);
            }
            TicketEvents.Change change = TicketEvents.Change.of(changes);
            int firstEntry = row.getInteger("timeline_seq") + 1;
            Tuple parameters = Tuple.of(ticket.id, fired, SlaClocks.utc(next),
                    firstEntry + change.timeline().size() - 1);
            OutboxEvent.addArrays(parameters, change.events());
            Timeline.parameters(parameters, ticket.id, now, firstEntry, change.timeline());
            return tx.preparedQuery(ALERTS).execute(parameters).replaceWith(changes.size());
        });
    }
}
