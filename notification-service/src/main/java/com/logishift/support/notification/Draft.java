package com.logishift.support.notification;

import java.util.Set;
import java.util.UUID;

/**
 * A notification the rules decided on, before it is stored: for one person ({@code recipientId}),
 * or once for a whole role's feed ({@code feed}) that everyone in {@code except} does not see.
 */
public record Draft(UUID recipientId, Feed feed, Set<UUID> except, String title, String body, UUID ticketId) {

    /** The role feeds: everyone of the role reads the same stored entry. */
    public enum Feed {
        ADMINS("admin"), AGENTS("agent");

        /** The name stored in feed_notification.feed and directory_account.feed. */
        public final String id;

        Feed(String id) {
            this.id = id;
        }
    }

    public static Draft personal(UUID recipient, String title, String body, UUID ticket) {
        return new Draft(recipient, null, Set.of(), title, body, ticket);
    }

    public boolean isFeed() {
        return feed != null;
    }
}
