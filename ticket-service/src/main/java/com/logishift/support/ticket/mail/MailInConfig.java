package com.logishift.support.ticket.mail;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * E-mail in: the support mailbox (IMAP), the SMTP server for the one polite reply, and the limits.
 * Every key can be set by environment variable (SUPPORT_MAIL_IMAP_HOST, SUPPORT_MAIL_POLL_INTERVAL, …).
 */
@ConfigMapping(prefix = "support.mail")
public interface MailInConfig {

    Server imap();

    Server smtp();

    Mailbox mailbox();

    /** Right-hand side of the Message-IDs notification-service gives its mails: {@code <t-{ticketId}.…@domain>}. */
    @WithDefault("support.logishift.local")
    String domain();

    /** Sender of the polite reply. */
    @WithDefault("logiShift Support <support@logishift.local>")
    String from();

    /** The web UI, named in the polite reply. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** How often the mailbox is read. */
    @WithDefault("10s")
    Duration pollInterval();

    Inbound inbound();

    interface Server {
        @WithDefault("127.0.0.1")
        String host();

        int port();

        /** Implicit TLS (IMAPS / SMTPS). */
        @WithDefault("false")
        boolean ssl();

        @WithDefault("PT10S")
        Duration timeout();
    }

    interface Mailbox {
        @WithDefault("support@logishift.local")
        String user();

        @WithDefault("support@logishift.local")
        String password();

        @WithDefault("INBOX")
        String folder();
    }

    interface Inbound {
        /** Off: the mailbox is not read at all. */
        @WithDefault("true")
        boolean enabled();

        /** Mails per sender and hour that are acted on; the rest are stored as RATE_LIMITED (stops mail loops). */
        @WithDefault("20")
        int maxPerHour();

        /** Larger mails are stored as TOO_LARGE without being read. */
        @WithDefault("25M")
        MemorySize maxSize();

        /** Mails handled per poll. */
        @WithDefault("50")
        int batchSize();
    }
}
