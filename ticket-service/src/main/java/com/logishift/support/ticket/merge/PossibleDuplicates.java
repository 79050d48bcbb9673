package com.logishift.support.ticket.merge;

import com.logishift.support.ticket.Ticket;
import com.logishift.support.ticket.TicketStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;

/**
 * The tickets staff are offered as merge targets: the same customer's other tickets about the same
 * delivery (ids compared ignoring case and surrounding blanks) that are not CLOSED, oldest first (the
 * original is usually the one to keep), at most {@link #MAX}. A CLOSED ticket (merged or not) cannot
 * be merged and gets none. Read through the customer's index: a customer has few tickets.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class PossibleDuplicates {

    static final int MAX = 5;

    private static final String FIND = """
            SELECT id, reference, subject, status, created_at FROM ticket
             WHERE customer_id = $1 AND lower(delivery_id) = lower($2) AND id <> $3 AND status <> $4
             ORDER BY created_at, id
             LIMIT %d""".formatted(MAX);

    private final Pool pool;

    public Uni<List<PossibleDuplicate>> of(Ticket ticket) {
        if (ticket.deliveryId == null || ticket.status == TicketStatus.CLOSED) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery(FIND).execute(Tuple.of(ticket.customerId, ticket.deliveryId.strip(), ticket.id,
                TicketStatus.CLOSED.name())).map(rows -> {
                    List<PossibleDuplicate> found = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        found.add(new PossibleDuplicate(row.getUUID("id"), row.getString("reference"),
                                row.getString("subject"), row.getString("status"),
                                row.getOffsetDateTime("created_at").toInstant()));
                    }
                    return found;
                });
    }
}
