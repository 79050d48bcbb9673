package com.logishift.support.ticket.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;

/**
 * The one answer to someone who wrote to a ticket that is not theirs. It quotes nothing (not the
 * subject, not the ticket, not their text) and says it was sent automatically (RFC 3834
 * {@code Auto-Submitted: auto-replied}), so well-behaved responders do not answer it. It logs in to the
 * SMTP server when SUPPORT_MAIL_SMTP_USERNAME is set. A courtesy: when the SMTP server is away or
 * refuses the login it is logged (WARN once until a reply goes out again) and dropped, never retried
 * (the caller lets the sender's next mail try again).
 */
@ApplicationScoped
@RequiredArgsConstructor
public class PoliteReply {

    private static final Logger LOG = Logger.getLogger(PoliteReply.class);
    private static final Pattern MESSAGE_ID = Pattern.compile("^<[^<>\\s]{1,900}>$");

    static final String SUBJECT = "Your e-mail to logiShift Support could not be added to a ticket";

    private final MailInConfig config;
    /** The last reply failed: further failures only at DEBUG until one is sent (no WARN per mail). */
    private final AtomicBoolean failing = new AtomicBoolean();

    /** Blocking (SMTP): call it on a worker thread. Answers whether the SMTP server took the mail. */
    boolean send(String to, String inReplyTo) {
        MailInConfig.Smtp smtp = config.smtp();
        try {
            String messageId = "<auto-reply." + UUID.randomUUID() + "@" + config.domain() + ">";
            // never of the t-… form, so a reply to it matches no ticket
            MimeMessage mail = new MimeMessage(MailSessions.smtp(smtp)) {
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
            if (smtp.username().isPresent()) {
                Transport.send(mail, smtp.username().get(), smtp.password().orElse(""));
            } else {
                Transport.send(mail);
            }
            if (failing.compareAndSet(true, false)) {
                LOG.info("Polite replies can be sent again");
            }
            return true;
        } catch (AuthenticationFailedException e) {
            // an operator's mistake, not the sender's: say which settings to check
            failed("The SMTP server refused the login of the polite reply (check SUPPORT_MAIL_SMTP_USERNAME and "
                    + "SUPPORT_MAIL_SMTP_PASSWORD)", e);
        } catch (MessagingException | RuntimeException e) {
            failed("Could not send a polite reply", e);
        }
        LOG.debugf("The polite reply to %s was not sent", to); // the address only at DEBUG (personal data)
        return false;
    }

    private void failed(String what, Exception e) {
        if (failing.compareAndSet(false, true)) {
            LOG.warnf("%s; the reply is dropped (further failures at DEBUG until one is sent again): %s", what,
                    e.getMessage());
        } else {
            LOG.debugf("%s: %s", what, e.getMessage());
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
