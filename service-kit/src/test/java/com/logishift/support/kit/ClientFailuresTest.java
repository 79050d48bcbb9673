package com.logishift.support.kit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;

/** Which failures are the client's doing (quiet 400) and which stay server errors (500 + ERROR). */
class ClientFailuresTest {

    @Test
    void aClientLeavingOrBreakingOffTheRequestIsTheClients() {
        assertTrue(ClientFailures.isClientFailure(new ClosedChannelException()));
        assertTrue(ClientFailures.isClientFailure(new HttpClosedException("Connection was closed")));
        assertTrue(ClientFailures.isClientFailure(new IOException("Connection reset by peer")));
        assertTrue(ClientFailures.isClientFailure(new IOException("Broken pipe")));
        assertTrue(ClientFailures.isClientFailure(new IllegalStateException("Request already complete")));
        assertTrue(ClientFailures.isClientFailure(new IOException("Request too large")));
        assertTrue(ClientFailures.isClientFailure(new RuntimeException("wrapped", new ClosedChannelException())));
    }

    @Test
    void realServerErrorsStayServerErrors() {
        assertFalse(ClientFailures.isClientFailure(new IllegalStateException("outbox relay stopped")));
        assertFalse(ClientFailures.isClientFailure(new NullPointerException()));
        assertFalse(ClientFailures.isClientFailure(new IOException("No space left on device")));
        assertFalse(ClientFailures.isClientFailure(new RuntimeException("database unreachable",
                new IOException("Connection refused"))));
        // the database hanging up on us is not the client's doing
        assertFalse(ClientFailures.isClientFailure(io.vertx.sqlclient.ClosedConnectionException.INSTANCE));
        assertFalse(ClientFailures.isClientFailure(new org.hibernate.HibernateException("query failed",
                new IOException("Connection reset by peer"))));
    }
}
