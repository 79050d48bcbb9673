package com.logishift.support.ticket.agent;

import io.vertx.pgclient.PgException;

/**
 * Which failures of an account event are the event's fault (it goes to the dead-letter topic) and
 * which are the infrastructure's (it is retried until it succeeds). Only an event that can never be
 * applied is poison: it does not parse, or its data is refused by the schema (SQLSTATE class 22, data
 * exception, or 23, integrity constraint). Everything else — refused or closed connections, timeouts,
 * an exhausted pool, serialization failures and deadlocks, a database in recovery — passes, so a
 * valid event is never dropped because the database was away for a while.
 */
final class EventFailures {

    private EventFailures() {
    }

    /** An event that can never be applied, whatever the state of the database. */
    static final class InvalidEventException extends RuntimeException {
        InvalidEventException(String message) {
            super(message, null, false, false);
        }
    }

    static boolean isPoison(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidEventException) {
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
