package com.logishift.support.notification.service;

import com.logishift.support.notification.Notification;
import com.logishift.support.kit.Page;
import com.logishift.support.kit.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/** A person's stored notifications. Every query is scoped to the recipient: nobody reads another's. */
@ApplicationScoped
public class Inbox {

    private static final Sort NEWEST_FIRST = Sort.descending("createdAt").and("id", Sort.Direction.Descending);

    private final Clock clock;

    public Inbox(Clock clock) {
        this.clock = clock;
    }

    public Uni<Page<Notification>> list(UUID recipient, boolean unreadOnly, int page, int size) {
        return Panache.withSession(() -> {
            PanacheQuery<Notification> query = (unreadOnly
                    ? Notification.<Notification>find("recipientId = ?1 and readAt is null", NEWEST_FIRST, recipient)
                    : Notification.<Notification>find("recipientId", NEWEST_FIRST, recipient))
                    .page(page, size);
            return query.list().flatMap(items -> query.count().map(total -> new Page<>(items, total, page, size)));
        });
    }

    public Uni<Long> unreadCount(UUID recipient) {
        return Panache.withSession(() -> Notification.count("recipientId = ?1 and readAt is null", recipient));
    }

    /** Marks one of the recipient's notifications read; someone else's is 404, as if it did not exist. */
    public Uni<Notification> markRead(UUID recipient, UUID id) {
        return Panache.withTransaction(() -> Notification.<Notification>find("id = ?1 and recipientId = ?2", id, recipient)
                .firstResult()
                .map(notification -> {
                    if (notification == null) {
                        throw ProblemException.notFound("No notification " + id);
                    }
                    if (notification.readAt == null) {
                        notification.readAt = clock.instant();
                    }
                    return notification;
                }));
    }

    public Uni<Integer> markAllRead(UUID recipient) {
        return Panache.withTransaction(() -> Notification.update(
                "readAt = ?1 where recipientId = ?2 and readAt is null", clock.instant(), recipient));
    }
}
