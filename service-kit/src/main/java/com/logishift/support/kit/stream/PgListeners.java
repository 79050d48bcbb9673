package com.logishift.support.kit.stream;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * LISTEN on a channel of the service's own PostgreSQL database, over a connection of its own (the
 * pool's connections come and go), kept across database restarts: it reconnects every second,
 * forever, and says when it listens again, so that the caller can catch up on what it missed.
 */
@ApplicationScoped
public class PgListeners {

    private static final Logger LOG = Logger.getLogger(PgListeners.class);

    private final Vertx vertx;
    private final PgConnectOptions connectOptions;

    public PgListeners(Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "") String password) {
        this.vertx = vertx;
        this.connectOptions = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(user).setPassword(password);
    }

    /**
     * Starts listening on {@code channel}: {@code onListening} runs each time the LISTEN is (again)
     * in place, {@code handler} gets each payload. {@code what} names it in the log.
     */
    public Listener listen(String channel, String what, Runnable onListening, Consumer<String> handler) {
        PgSubscriber subscriber = PgSubscriber.subscriber(vertx, connectOptions).reconnectPolicy(retries -> 1000L);
        Listener listener = new Listener(subscriber);
        subscriber.channel(channel)
                .subscribeHandler(() -> {
                    listener.listening.set(true);
                    onListening.run();
                })
                .handler(handler);
        subscriber.closeHandler(() -> listener.listening.set(false));
        subscriber.connect().subscribe().with(
                ignored -> { },
                failure -> LOG.warnf("Cannot LISTEN for %s yet (retrying): %s", what, failure.getMessage()));
        return listener;
    }

    /** One channel's LISTEN. */
    public static final class Listener {

        private final PgSubscriber subscriber;
        private final AtomicBoolean listening = new AtomicBoolean();

        private Listener(PgSubscriber subscriber) {
            this.subscriber = subscriber;
        }

        /** True while announcements arrive (the LISTEN is in place). */
        public boolean listening() {
            return listening.get() && !subscriber.closed();
        }

        public void close() {
            subscriber.closeAndForget();
        }
    }
}
