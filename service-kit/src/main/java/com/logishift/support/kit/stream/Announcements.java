package com.logishift.support.kit.stream;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.Collection;
import org.jboss.logging.Logger;

/**
 * Tells every replica's listeners (LISTEN {@code channel}) about something that has committed, with
 * {@code pg_notify} in a small transaction of its own that does not wait for the WAL flush
 * ({@code synchronous_commit} off for it alone). Call it after the commit of the change, never inside
 * that transaction: PostgreSQL serialises notifying commits with one cluster-wide lock held through
 * the commit's flush, so a NOTIFY inside the writing transaction makes every notifying commit on the
 * server wait for the one before. An announcement can be lost (the database restarts in between);
 * listeners catch up when their LISTEN comes back, so they must never depend on one announcement.
 */
public final class Announcements {

    private static final Logger LOG = Logger.getLogger(Announcements.class);

    private Announcements() {
    }

    /** Sends the payloads on {@code channel}, in order; failures are logged, not raised. */
    public static void send(Pool pool, String channel, Collection<String> payloads) {
        if (payloads.isEmpty()) {
            return;
        }
        pool.withTransaction(tx -> tx.preparedQuery(
                        "SELECT set_config('synchronous_commit', 'off', true), pg_notify($1, p)"
                                + " FROM unnest($2::text[]) WITH ORDINALITY AS a (p, n) ORDER BY n")
                        .execute(Tuple.of(channel, payloads.toArray(String[]::new))))
                .subscribe().with(ignored -> { },
                        failure -> LOG.warnf("Could not announce on %s (listeners catch up when they reconnect): %s",
                                channel, failure.getMessage()));
    }
}
