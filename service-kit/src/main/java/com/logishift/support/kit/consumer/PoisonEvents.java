package com.logishift.support.kit.consumer;

import io.vertx.pgclient.PgException;

/**
 * Which failures of a consumed event are the event's fault (it goes to the dead-letter topic) and
 * which are the infrastructure's (it is retried until it succeeds, see {@link ConsumerRetries}). Only
 * an event that can never be applied is poison: it cannot be read (the service's own exception for
 * that, which the kit does not know), or its data is refused by the schema (SQLSTATE class 22, data
 * exception, or 23, integrity constraint). Everything else — refused or closed connections, timeouts,
 * an exhausted pool, serialization failures and deadlocks, a database in recovery — passes, so a valid
 * event is never dropped because the database was away for a while.
 */
public final class PoisonEvents {

    private PoisonEvents() {
    }

    /** Whether {@code failure} or one of its causes is an {@code unreadable} or a refusal of the data. */
    public static boolean isPoison(Throwable failure, Class<? extends Throwable> unreadable) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (unreadable.isInstance(t)) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
