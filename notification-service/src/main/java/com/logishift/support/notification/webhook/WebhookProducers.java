package com.logishift.support.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The webhook feature's shared pieces: the destination guard, the secrets' encryption and the threads that resolve host names. */
@ApplicationScoped
public class WebhookProducers {

    /** The executor that runs (blocking) DNS look-ups: its own threads, so a slow resolver delays only webhooks. */
    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
    public @interface Dns {
    }

    @Produces
    @ApplicationScoped
    Destinations destinations(WebhookConfig config) {
        return new Destinations(config.allowedHosts().orElse(List.of()), config.allowHttp(), InetAddress::getAllByName,
                config.resolveReuse(), System::nanoTime);
    }

    @Produces
    @ApplicationScoped
    SecretBox secretBox(WebhookConfig config) {
        return new SecretBox(config.secretKey().orElse(null), config.previousSecretKeys().orElse(List.of()));
    }

    @Produces
    @ApplicationScoped
    @Dns
    ExecutorService dns() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(8, task -> {
            Thread thread = new Thread(task, "webhook-dns-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void close(@Disposes @Dns ExecutorService dns) {
        dns.shutdownNow();
    }
}
