package com.logishift.support.notification.webhook;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;

/**
 * Keeps the delivery log bounded: finished deliveries (and, by cascade, their attempts) older than
 * {@code log-retention} are deleted in chunks, so no statement holds locks or builds WAL for long at
 * 900 deliveries a second. Pending deliveries stay whatever their age. Replicas may run it at the same
 * time: each chunk skips rows another one holds.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class WebhookLogRetention {

    private static final Logger LOG = Logger.getLogger(WebhookLogRetention.class);
    static final int CHUNK = 5_000;
    /** Chunks in one run at most: a large backlog is worked off over several runs. */
    private static final int MAX_CHUNKS = 200;

    private final Pool pool;
    private final WebhookConfig config;
    private final Clock clock;

    @Scheduled(every = "${support.webhook.log-cleanup-interval:PT1H}", delayed = "PT1M",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return removeExpired().onFailure().recoverWithItem(failure -> {
            LOG.warnf("Webhook log clean-up failed (tried again next run): %s", failure.getMessage());
            return 0L;
        }).replaceWithVoid();
    }

    /** Deletes the expired finished deliveries; answers how many. */
    public Uni<Long> removeExpired() {
        return chunks(0, 0L).invoke(removed -> {
            if (removed > 0) {
                LOG.infof("Webhook log clean-up removed %d finished deliveries older than %s", removed, config.logRetention());
            }
        });
    }

    private Uni<Long> chunks(int round, long removed) {
        return pool.preparedQuery("""
                        DELETE FROM webhook_delivery WHERE id IN (
                            SELECT id FROM webhook_delivery
                             WHERE status <> 'PENDING' AND created_at < $1
                             LIMIT $2 FOR UPDATE SKIP LOCKED)""")
                .execute(Tuple.of(clock.instant().minus(config.logRetention()).atOffset(ZoneOffset.UTC), CHUNK))
                .flatMap(rows -> rows.rowCount() == CHUNK && round + 1 < MAX_CHUNKS
                        ? chunks(round + 1, removed + rows.rowCount())
                        : Uni.createFrom().item(removed + rows.rowCount()));
    }
}
