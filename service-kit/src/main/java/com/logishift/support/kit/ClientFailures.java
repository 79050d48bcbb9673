package com.logishift.support.kit;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Failures a client causes by leaving early or sending a broken request (closed connection, broken
 * pipe, a body cut off or over the limit, a request the server already answered): no server
 * error, so no 500 and no ERROR log.
 */
final class ClientFailures {

    private static final Set<String> CLIENT_MESSAGES = Set.of("connection was closed", "connection reset",
            "broken pipe", "request already complete", "request too large", "stream is closed",
            "read timed out", "response has already been written");

    /** A failure on the way to the database or Kafka is ours, whatever its message says. */
    private static final List<String> BACKEND_PACKAGES = List.of("io.vertx.sqlclient.", "io.vertx.pgclient.",
            "org.hibernate.", "java.sql.", "org.apache.kafka.");

    private ClientFailures() {
    }

    static boolean isClientFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String type = t.getClass().getName();
            if (BACKEND_PACKAGES.stream().anyMatch(type::startsWith)) {
                return false;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClosedChannelException || t instanceof io.vertx.core.http.HttpClosedException
                    || t instanceof io.netty.handler.codec.DecoderException) {
                return true;
            }
            if ((t instanceof IOException || t instanceof IllegalStateException
                    || t instanceof io.vertx.core.VertxException) && t.getMessage() != null) {
                String message = t.getMessage().toLowerCase(Locale.ROOT);
                if (CLIENT_MESSAGES.stream().anyMatch(message::contains)) {
                    return true;
                }
            }
        }
        return false;
    }
}
