package com.logishift.support.notification.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * E-mail out (env SUPPORT_MAIL_*; the SMTP server itself is quarkus.mailer.*, from
 * SUPPORT_MAIL_SMTP_HOST/PORT in application.properties).
 */
@ConfigMapping(prefix = "support.mail")
public interface MailConfig {

    /** Whether this replica sends the mails waiting in mail_outbox (they are queued either way). */
    @WithDefault("true")
    boolean enabled();

    /** From and Reply-To of every mail (SUPPORT_MAIL_FROM). */
    @WithDefault("logiShift Support <support@logishift.local>")
    String from();

    /** Right-hand side of our Message-IDs (SUPPORT_MAIL_DOMAIN); ticket-service recognises replies by it. */
    @WithDefault("support.logishift.local")
    String domain();

    /** Where the web UI is, for links in mails (SUPPORT_PUBLIC_URL). */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /**
     * Signs the one-click unsubscribe tokens (SUPPORT_MAIL_UNSUBSCRIBE_SECRET, at least 32 characters).
     * No default: the dev and test profiles set one, production must.
     */
    String unsubscribeSecret();

    /** How often the sender looks for due mails. */
    @WithDefault("PT1S")
    Duration sendInterval();

    /** Mails claimed per round. */
    @WithDefault("20")
    int batchSize();

    /** One SMTP transaction's limit; past it the mail counts as failed and is tried again. */
    @WithDefault("PT30S")
    Duration sendTimeout();

    /**
     * How long a claimed mail is left to the replica that claimed it. Longer than a batch can take
     * (a batch stops at its first failure), so no two replicas send the same mail while both live.
     */
    @WithDefault("PT10M")
    Duration lease();

    /** First retry delay; it doubles per attempt up to {@link #backoffMax()}, with jitter. */
    @WithDefault("PT5S")
    Duration backoffBase();

    @WithDefault("PT5M")
    Duration backoffMax();

    /** A mail still unsent this long after it was queued is given up (FAILED); at least a day. */
    @WithDefault("P3D")
    Duration giveUpAfter();
}
