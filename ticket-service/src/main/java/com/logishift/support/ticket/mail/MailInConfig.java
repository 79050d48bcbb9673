package com.logishift.support.ticket.mail;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * E-mail in: the support mailbox (IMAP), the SMTP server for the one polite reply, and the limits.
 * Every key can be set by environment variable (SUPPORT_MAIL_IMAP_HOST, SUPPORT_MAIL_POLL_INTERVAL, …).
 */
@ConfigMapping(prefix = "support.mail")
public interface MailInConfig {

    Server imap();

    Smtp smtp();

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

    /** How often the mailbox is read (with IDLE, the safety net behind it). */
    @WithDefault("10s")
    Duration pollInterval();

    Idle idle();

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

    /** The SMTP server of the polite reply; the same SUPPORT_MAIL_SMTP_* names notification-service reads. */
    interface Smtp extends Server {
        /** Login (SUPPORT_MAIL_SMTP_USERNAME); none: mail is sent without authentication. */
        Optional<String> username();

        /** SUPPORT_MAIL_SMTP_PASSWORD, used with the username. */
        Optional<String> password();

        /** SUPPORT_MAIL_SMTP_START_TLS: DISABLED, OPTIONAL (when the server offers it) or REQUIRED. */
        @WithDefault("OPTIONAL")
        StartTls startTls();
    }

    enum StartTls {
        DISABLED, OPTIONAL, REQUIRED
    }

    /** IMAP IDLE (RFC 2177): the server tells us at once when mail arrives, so we need not wait for the poll. */
    interface Idle {
        /** Off: only the poll reads the mailbox (SUPPORT_MAIL_IDLE_ENABLED). */
        @WithDefault("true")
        boolean enabled();

        /**
         * How often the IDLE command is renewed (RFC 2177 asks for less than 29 minutes); it also finds a
         * connection that died silently. Below the idle timeouts of common NATs and load balancers.
         */
        @WithDefault("PT5M")
        Duration refresh();
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
