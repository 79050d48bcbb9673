package com.logishift.support.ticket.service;

import com.logishift.support.ticket.assignment.AgentLoads;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;

/**
 * Every second, on every replica, folds the two ledgers into their counters: the agents' loads
 * ({@link AgentLoads}, migrations V2/V3) and the ticket counts ({@link TicketCounts}, V9). Each fold
 * is one statement that adds exactly the ledger rows it deletes, so replicas may fold at the same
 * time; a failed fold is retried on the next tick, and the counts read meanwhile are still exact
 * (readers add the unfolded rows).
 */
@ApplicationScoped
@RequiredArgsConstructor
public class LedgerFolds {

    private static final Logger LOG = Logger.getLogger(LedgerFolds.class);
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final Vertx vertx;
    private final AgentLoads agentLoads;
    private final TicketCounts ticketCounts;
    private volatile long timer = -1;

    void onStart(@Observes StartupEvent start) {
        timer = vertx.setPeriodic(INTERVAL.toMillis(), id -> {
            fold("agent load", agentLoads.fold());
            fold("ticket count", ticketCounts.fold());
        });
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private static void fold(String ledger, Uni<Integer> fold) {
        fold.subscribe().with(
                folded -> LOG.tracef("Folded %d %s changes", folded, ledger),
                failure -> LOG.warnf("Could not fold %s changes (will retry): %s", ledger, failure.getMessage()));
    }
}
