package com.logishift.support.notification.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.kit.stream.PgListeners;
import com.logishift.support.notification.rest.NotificationView;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;

/**
 * Fans newly stored notifications out to the open streams on this replica. The consumer announces
 * each one with pg_notify once its transaction committed (kit {@code Announcements}) — a role-feed
 * entry once for the whole role, not once per member; every replica LISTENs, so a person's stream
 * gets their notifications whichever replica's consumer stored them. The stream is the fast path
 * only: the list and the unread count are the record (an announcement lost in a database restart is
 * not replayed).
 */
@ApplicationScoped
@RequiredArgsConstructor
public class LiveNotifications {

    public static final String CHANNEL = "support_notifications";
    private static final Logger LOG = Logger.getLogger(LiveNotifications.class);

    /**
     * What travels on the channel: a personal notification with its recipient, or a feed entry with
     * its feed and the members who do not see it.
     */
    public record Announcement(UUID recipientId, String feed, Set<UUID> except, NotificationView notification) {

        public static Announcement personal(UUID recipient, NotificationView notification) {
            return new Announcement(recipient, null, Set.of(), notification);
        }

        public static Announcement feed(String feed, Set<UUID> except, NotificationView notification) {
            return new Announcement(null, feed, except, notification);
        }
    }

    /**
     * Who a stream is for: the person, the feed they read (null for none) and the kinds they switched
     * off, as they were when the stream opened.
     */
    public record Audience(UUID person, String feed, Set<String> mutedKinds) {

        boolean hears(Announcement a) {
            boolean addressed = person.equals(a.recipientId())
                    || (a.feed() != null && a.feed().equals(feed) && (a.except() == null || !a.except().contains(person)));
            return addressed && !mutedKinds.contains(a.notification().type());
        }
    }

    private final ObjectMapper json;
    private final PgListeners listeners;
    private final BroadcastProcessor<Announcement> announcements = BroadcastProcessor.create();
    private PgListeners.Listener listener;

    void start(@Observes StartupEvent start) {
        listener = listeners.listen(CHANNEL, "notifications", () -> LOG.info("Listening for new notifications"),
                this::onAnnouncement);
    }

    void stop(@Observes ShutdownEvent stop) {
        if (listener != null) {
            listener.close();
        }
        announcements.onComplete();
    }

    /** True while this replica receives announcements (part of readiness). */
    public boolean listening() {
        return listener != null && listener.listening();
    }

    /** New notifications for one person, personal and of their feed, as they are committed. */
    public Multi<NotificationView> of(Audience audience) {
        // a slow browser gets a bounded buffer; beyond it the stream fails and the client reconnects
        return announcements.filter(audience::hears).map(Announcement::notification)
                .onOverflow().buffer(256);
    }

    private void onAnnouncement(String payload) {
        try {
            announcements.onNext(json.readValue(payload, Announcement.class));
        } catch (Exception e) {
            LOG.warnf("Ignoring an unreadable announcement: %s", e.getMessage());
        }
    }
}
