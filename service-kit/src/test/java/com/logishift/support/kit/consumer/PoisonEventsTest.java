package com.logishift.support.kit.consumer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.pgclient.PgException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Poison is an unreadable event or data the schema refuses; anything the database's absence causes is not. */
class PoisonEventsTest {

    static final class Unreadable extends RuntimeException {
        Unreadable() {
            super("no JSON data");
        }
    }

    private static PgException sqlState(String code) {
        return new PgException("refused", "ERROR", code, null);
    }

    @Test
    void anUnreadableEventIsPoisonAlsoWhenWrapped() {
        assertTrue(PoisonEvents.isPoison(new Unreadable(), Unreadable.class));
        assertTrue(PoisonEvents.isPoison(new CompletionException(new Unreadable()), Unreadable.class));
    }

    @Test
    void dataExceptionsAndIntegrityViolationsArePoison() {
        for (String code : new String[] {"22P02", "22001", "23505", "23503", "23514"}) {
            assertTrue(PoisonEvents.isPoison(new CompletionException(sqlState(code)), Unreadable.class), code);
        }
    }

    @Test
    void theInfrastructuresFailuresAreNot() {
        for (String code : new String[] {"08006", "40001", "40P01", "57P01", "53300"}) {
            assertFalse(PoisonEvents.isPoison(sqlState(code), Unreadable.class), code);
        }
        assertFalse(PoisonEvents.isPoison(new PgException("no code", "ERROR", null, null), Unreadable.class));
        assertFalse(PoisonEvents.isPoison(new IllegalStateException("Connection refused"), Unreadable.class));
        assertFalse(PoisonEvents.isPoison(new IllegalStateException("another failure"), IllegalArgumentException.class));
    }
}
