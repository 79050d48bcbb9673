package com.logishift.support.notification.mail;

import com.logishift.support.kit.Backlogs;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The queued mails as gauges: {@code support.mail.pending} and {@code support.mail.oldest.pending.seconds}
 * (0 when none). Growing while {@code support.mail.failures} rises: the SMTP relay is away.
 */
@Startup
@ApplicationScoped
public class MailBacklog {

    public MailBacklog(Backlogs backlogs) {
        backlogs.watch("queued e-mails", "mail_outbox", "status = 'PENDING'", "created_at",
                "support.mail.pending", "support.mail.oldest.pending.seconds");
    }
}
