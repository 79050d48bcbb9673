package com.logishift.support.ticket.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The one answer to someone who wrote to a ticket that is not theirs. It quotes nothing (not the
 * subject, not the ticket, not their text) and says it was sent automatically (RFC 3834
 * {@code Auto-Submitted: auto-replied}), so well-behaved responders do not answer it. A courtesy: when
 * the SMTP server is away it is logged and dropped, never retried.
 */
@ApplicationScoped
public class PoliteReply {

    private static final Logger LOG = Logger.getLogger(PoliteReply.class);
    private static final Pattern MESSAGE_ID = Pattern.compile("^<[^<>\\s]{1,900}>$");

    static final String SUBJECT = "Your e-mail to logiShift Support could not be added to a ticket";

    private final MailInConfig config;

    public PoliteReply(MailInConfig config) {
        this.config = config;
    }

    /** Blocking (SMTP): call it on a worker thread. */
    void send(String to, String inReplyTo) {
        try {
            String messageId = "<auto-reply." + UUID.randomUUID() + "@" + config.domain() + ">";
            // never of the t-… form, so a reply to it matches no ticket
            MimeMessage mail = new MimeMessage(MailSessions.smtp(config.smtp())) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            mail.setFrom(new InternetAddress(config.from()));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            mail.setSubject(SUBJECT, "UTF-8");
            mail.setText(text(), "UTF-8");
            mail.setHeader("Auto-Submitted", "auto-replied");
            mail.setHeader("X-Auto-Response-Suppress", "All");
            if (inReplyTo != null && MESSAGE_ID.matcher(inReplyTo).matches()) {
                mail.setHeader("In-Reply-To", inReplyTo);
                mail.setHeader("References", inReplyTo);
            }
            Transport.send(mail);
        } catch (MessagingException | RuntimeException e) {
            LOG.warnf("Could not send the polite reply to %s (not retried): %s", to, e.getMessage());
        }
    }

    private String text() {
        return """
                Hello,

                thank you for your e-mail. We could not add it to a ticket: replies to a support ticket are \
                accepted only from the e-mail address of the customer who opened it.

                If the ticket is yours, please answer from the address you use with logiShift Support, or \
                sign in at %s and write there. To ask something new, open a ticket there.

                This message was sent automatically; you will get it at most once a day.

                logiShift Support
                """.formatted(config.publicUrl());
    }
}
