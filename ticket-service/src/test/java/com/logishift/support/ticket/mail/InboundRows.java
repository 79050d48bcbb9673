package com.logishift.support.ticket.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.logishift.support.kit.test.Eventually;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.UUID;

/** What the incoming-mail tests read from the database. */
final class InboundRows {

    /** Generous: reading a mail waits for the poll (or IDLE), then clamd and the database. */
    static final Duration WAIT = Duration.ofSeconds(60);

    private InboundRows() {
    }

    /** The outcome stored for the mail, once the service has read it (waits up to {@link #WAIT}). */
    static String outcome(Pool pool, String messageId) {
        return outcome(pool, messageId, WAIT);
    }

    static String outcome(Pool pool, String messageId, Duration wait) {
        return Eventually.value("mail " + messageId + " read", wait, () -> {
            RowSet<Row> rows = pool.preparedQuery("SELECT outcome FROM inbound_mail WHERE message_id = $1")
                    .execute(Tuple.of(messageId)).await().indefinitely();
            return rows.size() == 0 ? null : rows.iterator().next().getString("outcome");
        }, value -> value != null);
    }

    static String reference(Pool pool, String ticketId) {
        return one(pool, "SELECT reference FROM ticket WHERE id = $1", UUID.fromString(ticketId)).getString("reference");
    }

    /** A {@code SELECT count(*) …} with one parameter. */
    static long count(Pool pool, String sql, Object parameter) {
        return one(pool, sql.replace("count(*)", "count(*) AS n"), parameter).getLong("n");
    }

    static Row one(Pool pool, String sql, Object parameter) {
        RowSet<Row> rows = pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().indefinitely();
        assertEquals(1, rows.size(), sql);
        return rows.iterator().next();
    }
}
