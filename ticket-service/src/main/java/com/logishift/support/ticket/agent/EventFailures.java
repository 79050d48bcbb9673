package com.logishift.support.ticket.agent;

import com.logishift.support.kit.consumer.PoisonEvents;

/**
 * Which failures of an account event are the event's fault (it goes to the dead-letter topic) and
 * which are the infrastructure's (it is retried until it succeeds): the kit's {@link PoisonEvents},
 * with this consumer's exception for an event that does not parse.
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
        return PoisonEvents.isPoison(failure, InvalidEventException.class);
    }
}
