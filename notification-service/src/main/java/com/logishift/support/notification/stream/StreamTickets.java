package com.logishift.support.notification.stream;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * One-time, short-lived tickets for opening the live stream from a browser: EventSource cannot send
 * an Authorization header, and a JWT in a URL would end up in logs and browser history. The client
 * asks for a ticket with its token, then opens {@code /api/notifications/stream/?ticket=…} within
 * {@link #LIFETIME}; the ticket is deleted when used. Stored in the database so any replica can
 * redeem it.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class StreamTickets {

    public static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pool pool;

    public Uni<String> issue(UUID accountId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plus(LIFETIME);
        return pool.preparedQuery("INSERT INTO stream_ticket (id, account_id, expires_at) VALUES ($1, $2, $3)")
                .execute(Tuple.of(ticket, accountId, expires))
                // expired tickets are swept as new ones are issued
                .flatMap(ignored -> pool.query("DELETE FROM stream_ticket WHERE expires_at < now()").execute())
                .replaceWith(ticket);
    }

    /** The account a valid ticket belongs to; the ticket cannot be used again. */
    public Uni<Optional<UUID>> redeem(String ticket) {
        if (ticket == null || ticket.length() > 64) {
            return Uni.createFrom().item(Optional.empty());
        }
        return pool.preparedQuery("DELETE FROM stream_ticket WHERE id = $1 AND expires_at > now() RETURNING account_id")
                .execute(Tuple.of(ticket))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID("account_id")));
    }
}
