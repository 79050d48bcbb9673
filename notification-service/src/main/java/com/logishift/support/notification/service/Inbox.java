package com.logishift.support.notification.service;

import com.logishift.support.kit.Page;
import com.logishift.support.kit.ProblemException;
import com.logishift.support.notification.Notification;
import com.logishift.support.notification.stream.LiveNotifications;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * A person's inbox: their personal notifications and their role feed's entries, both through the
 * {@code inbox_entry} view (V2 migration), which alone decides what a person sees and what is read.
 * Every query is scoped to the person: nobody reads another's.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class Inbox {

    private static final String COLUMNS = "id, event_type, ticket_id, title, body, created_at, read_at";

    private final Pool pool;
    private final Clock clock;

    public Uni<Page<Notification>> list(UUID person, boolean unreadOnly, int page, int size) {
        String where = "recipient_id = $1" + (unreadOnly ? " AND read_at IS NULL" : "");
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM inbox_entry WHERE " + where
                        + " ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3")
                .execute(Tuple.of(person, size, (long) page * size))
                .flatMap(rows -> count(where, person).map(total -> new Page<>(notifications(rows), total, page, size)));
    }

    public Uni<Long> unreadCount(UUID person) {
        return count("recipient_id = $1 AND read_at IS NULL", person);
    }

    /** Marks one of the person's notifications read; someone else's (or a hidden one) is 404, as if it did not exist. */
    public Uni<Notification> markRead(UUID person, UUID id) {
        Tuple args = Tuple.of(id, person, now());
        return pool.withTransaction(c -> c
                .preparedQuery("UPDATE notification SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND recipient_id = $2")
                .execute(args)
                .flatMap(personal -> personal.rowCount() > 0 ? Uni.createFrom().voidItem() : c.preparedQuery("""
                                INSERT INTO feed_read (account_id, feed_id, feed_seq, read_at)
                                SELECT recipient_id, id, feed_seq, $3 FROM inbox_entry
                                 WHERE id = $1 AND recipient_id = $2 AND feed_seq IS NOT NULL AND read_at IS NULL
                                ON CONFLICT DO NOTHING""").execute(args).replaceWithVoid())
                .flatMap(ignored -> c.preparedQuery("SELECT " + COLUMNS + " FROM inbox_entry WHERE id = $1 AND recipient_id = $2")
                        .execute(Tuple.of(id, person))))
                .map(rows -> {
                    List<Notification> found = notifications(rows);
                    if (found.isEmpty()) {
                        throw ProblemException.notFound("No notification " + id);
                    }
                    return found.get(0);
                });
    }

    /**
     * Marks everything the person sees read: personal rows one by one, the feed with a high-water
     * mark (its single reads below the mark are no longer needed). Returns how many were unread.
     */
    public Uni<Integer> markAllRead(UUID person) {
        OffsetDateTime now = now();
        return pool.withTransaction(c -> c.preparedQuery(
                        "SELECT count(*) AS n, max(feed_seq) AS upto FROM inbox_entry WHERE recipient_id = $1 AND read_at IS NULL")
                .execute(Tuple.of(person))
                .flatMap(rows -> {
                    Row row = rows.iterator().next();
                    int unread = row.getLong("n").intValue();
                    Long upto = row.getLong("upto");
                    return c.preparedQuery("UPDATE notification SET read_at = $2 WHERE recipient_id = $1 AND read_at IS NULL")
                            .execute(Tuple.of(person, now))
                            .flatMap(ignored -> upto == null ? Uni.createFrom().voidItem() : readFeedUpTo(c, person, upto, now))
                            .replaceWith(unread);
                }));
    }

    /** Who a live stream is for: the person's feed (none unless admin or approved agent) and muted kinds. */
    public Uni<LiveNotifications.Audience> audience(UUID person) {
        return pool.preparedQuery("SELECT (SELECT feed FROM directory_account WHERE id = $1) AS feed, "
                        + "ARRAY(SELECT kind FROM preference WHERE account_id = $1 AND NOT in_app) AS muted")
                .execute(Tuple.of(person))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new LiveNotifications.Audience(person, row.getString("feed"),
                            Set.of(row.getArrayOfStrings("muted")));
                });
    }

    private static Uni<Void> readFeedUpTo(SqlConnection c, UUID person, long upto, OffsetDateTime now) {
        return c.preparedQuery("UPDATE directory_account SET feed_read_upto = GREATEST(feed_read_upto, $2), "
                        + "feed_read_all_at = $3 WHERE id = $1")
                .execute(Tuple.of(person, upto, now))
                .flatMap(ignored -> c.preparedQuery("DELETE FROM feed_read WHERE account_id = $1 AND feed_seq <= $2")
                        .execute(Tuple.of(person, upto)))
                .replaceWithVoid();
    }

    private Uni<Long> count(String where, UUID person) {
        return pool.preparedQuery("SELECT count(*) AS n FROM inbox_entry WHERE " + where).execute(Tuple.of(person))
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static List<Notification> notifications(RowSet<Row> rows) {
        List<Notification> list = new ArrayList<>();
        for (Row row : rows) {
            OffsetDateTime readAt = row.getOffsetDateTime("read_at");
            list.add(new Notification(row.getUUID("id"), row.getString("event_type"), row.getUUID("ticket_id"),
                    row.getString("title"), row.getString("body"), row.getOffsetDateTime("created_at").toInstant(),
                    readAt == null ? null : readAt.toInstant()));
        }
        return list;
    }
}
