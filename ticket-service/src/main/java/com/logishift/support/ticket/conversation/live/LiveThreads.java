package com.logishift.support.ticket.conversation.live;

import com.logishift.support.kit.stream.Announcements;
import com.logishift.support.kit.stream.PgListeners;
import com.logishift.support.kit.stream.StreamSlots;
import com.logishift.support.ticket.conversation.ConversationConfig;
import com.logishift.support.ticket.conversation.ConversationService;
import com.logishift.support.ticket.conversation.Message;
import com.logishift.support.ticket.conversation.Timeline;
import com.logishift.support.ticket.conversation.TimelineKind;
import com.logishift.support.ticket.conversation.TimelineView;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The live thread: fans committed timeline entries out to the open streams on this replica. After
 * every commit that adds timeline entries the writer announces the ticket's id on {@value #CHANNEL}
 * ({@link #announce}); every replica LISTENs and each open stream of that ticket re-reads the entries
 * after the last one it sent from the database. Nothing is lost or sent twice whichever replica
 * wrote, and an announcement that arrives late or twice changes nothing.
 * Announcements go out after the commit ({@link Announcements} says why); a lost one is made good
 * when the LISTEN connection comes back or by the ticket's next announcement.
 */
@ApplicationScoped
public class LiveThreads {

    public static final String CHANNEL = "support_ticket_activity";
    /** The announcement that makes every open stream re-read. */
    static final String EVERY_TICKET = "*";
    /** Entries read per round; a stream that is further behind reads again at once. */
    static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(LiveThreads.class);

    private final Vertx vertx;
    private final Pool pool;
    private final ConversationService conversation;
    private final ConversationConfig.Streams config;
    private final PgListeners listeners;
    private final StreamSlots slots;
    private final Map<UUID, Set<ThreadStream>> byTicket = new ConcurrentHashMap<>();
    private PgListeners.Listener listener;

    public LiveThreads(Vertx vertx, Pool pool, ConversationService conversation, ConversationConfig config,
            PgListeners listeners) {
        this.vertx = vertx;
        this.pool = pool;
        this.conversation = conversation;
        this.config = config.streams();
        this.listeners = listeners;
        this.slots = new StreamSlots("live ticket streams", this.config.maxPerAccount(), this.config.retryAfter());
    }

    void start(@Observes StartupEvent start) {
        listener = listeners.listen(CHANNEL, "ticket activity",
                // whatever committed while we were not listening: every stream catches up
                () -> byTicket.values().forEach(streams -> streams.forEach(ThreadStream::poke)),
                this::onAnnouncement);
    }

    void stop(@Observes ShutdownEvent stop) {
        if (listener != null) {
            listener.close();
        }
    }

    /** True while this replica receives announcements. */
    public boolean listening() {
        return listener != null && listener.listening();
    }

    /**
     * Takes one of the account's stream slots, or refuses with 429 and Retry-After; run the result
     * when the stream ends.
     */
    public Runnable acquireSlot(UUID account) {
        return slots.acquire(account);
    }

    /** One open stream's events, as {@link ThreadEvent}s the resource turns into SSE. */
    public sealed interface ThreadEvent {
        record Ready(int after) implements ThreadEvent {
        }

        record Entry(TimelineView entry) implements ThreadEvent {
        }

        record KeepAlive() implements ThreadEvent {
        }
    }

    /**
     * Starts a stream of the ticket's visible entries after {@code after}, then live ones, until the
     * subscriber cancels or {@code endsAt} (the caller's token expiry) passes.
     */
    public void open(MultiEmitter<? super ThreadEvent> emitter, UUID ticketId, boolean internalToo, int after,
            Instant endsAt) {
        ThreadStream stream = new ThreadStream(emitter, ticketId, internalToo, after);
        byTicket.computeIfAbsent(ticketId, id -> ConcurrentHashMap.newKeySet()).add(stream);
        long keepAlive = vertx.setPeriodic(config.keepAlive().toMillis(),
                id -> emitter.emit(new ThreadEvent.KeepAlive()));
        long untilExpiry = Math.max(1, Duration.between(Instant.now(), endsAt).toMillis());
        long expiry = vertx.setTimer(untilExpiry, id -> emitter.complete());
        emitter.onTermination(() -> {
            stream.closed = true;
            vertx.cancelTimer(keepAlive);
            vertx.cancelTimer(expiry);
            byTicket.computeIfPresent(ticketId, (id, streams) -> {
                streams.remove(stream);
                return streams.isEmpty() ? null : streams;
            });
        });
        emitter.emit(new ThreadEvent.Ready(after));
        stream.poke();
    }

    /** Tells every replica that this ticket's timeline grew; call it after the commit. */
    public void announce(UUID ticketId) {
        send(ticketId.toString());
    }

    /** Tells every replica that several tickets' timelines grew. */
    public void announceAll() {
        send(EVERY_TICKET);
    }

    private void send(String payload) {
        Announcements.send(pool, CHANNEL, List.of(payload));
    }

    private void onAnnouncement(String payload) {
        if (EVERY_TICKET.equals(payload)) {
            byTicket.values().forEach(streams -> streams.forEach(ThreadStream::poke));
            return;
        }
        try {
            Set<ThreadStream> streams = byTicket.get(UUID.fromString(payload));
            if (streams != null) {
                streams.forEach(ThreadStream::poke);
            }
        } catch (IllegalArgumentException e) {
            LOG.warnf("Ignoring an unreadable ticket announcement: %s", payload);
        }
    }

    /** One open stream: sends each visible entry once, in seq order, re-reading from the database. */
    private final class ThreadStream {

        private final MultiEmitter<? super ThreadEvent> emitter;
        private final UUID ticketId;
        private final boolean internalToo;
        volatile int lastSent;
        volatile boolean closed;
        private boolean reading;
        private boolean again;

        ThreadStream(MultiEmitter<? super ThreadEvent> emitter, UUID ticketId, boolean internalToo, int after) {
            this.emitter = emitter;
            this.ticketId = ticketId;
            this.internalToo = internalToo;
            this.lastSent = after;
        }

        /** Something new may have committed: read it, or read again once the current read is done. */
        void poke() {
            synchronized (this) {
                if (reading) {
                    again = true;
                    return;
                }
                reading = true;
            }
            read();
        }

        private void read() {
            if (closed) {
                return;
            }
            Timeline.entries(pool, ticketId, internalToo, lastSent, BATCH)
                    .flatMap(this::withMessages)
                    .subscribe().with(entries -> {
                        for (TimelineView entry : entries) {
                            emitter.emit(new ThreadEvent.Entry(entry));
                            lastSent = entry.seq();
                        }
                        boolean more;
                        synchronized (this) {
                            more = again || entries.size() == BATCH;
                            again = false;
                            reading = more;
                        }
                        if (more) {
                            read();
                        }
                    }, failure -> {
                        LOG.warnf("A live ticket stream could not read new entries (the client will reconnect): %s",
                                failure.getMessage());
                        emitter.fail(failure);
                    });
        }

        /** MESSAGE and NOTE entries carry their message, so a client appends it without a fetch. */
        private Uni<List<TimelineView>> withMessages(List<TimelineView> entries) {
            List<UUID> ids = entries.stream()
                    .filter(e -> e.kind() == TimelineKind.MESSAGE || e.kind() == TimelineKind.NOTE)
                    .map(TimelineView::messageId).toList();
            if (ids.isEmpty()) {
                return Uni.createFrom().item(entries);
            }
            return conversation.byIds(pool, ids).map(messages -> {
                Map<UUID, Message> byId = messages.stream()
                        .collect(Collectors.toMap(Message::id, Function.identity()));
                return entries.stream()
                        .map(e -> e.messageId() != null && byId.containsKey(e.messageId())
                                && e.kind() != TimelineKind.ATTACHMENT ? e.withMessage(byId.get(e.messageId())) : e)
                        .toList();
            });
        }
    }
}
