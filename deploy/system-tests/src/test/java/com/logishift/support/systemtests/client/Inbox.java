package com.logishift.support.systemtests.client;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * A person's mailbox on the test run's GreenMail, read over IMAP like a mail client (login and
 * password are the address): SUPPORT_MAIL_IMAP_HOST/PORT of deploy/local/with-infra.
 */
public final class Inbox {

    /** A received mail: a few headers (the first value of each) and its plain-text part. */
    public record Mail(String subject, String messageId, String inReplyTo, String listUnsubscribe, String text) {
    }

    private Inbox() {
    }

    public static List<Mail> of(Person person) {
        try {
            List<Mail> mails = new ArrayList<>();
            for (MimeMessage m : messages(person.email())) {
                mails.add(new Mail(m.getSubject(), first(m, "Message-ID"), first(m, "In-Reply-To"),
                        first(m, "List-Unsubscribe"), plainText(m.getContent())));
            }
            return mails;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("IMAP of " + person.email() + ": " + e.getMessage(), e);
        }
    }

    /** Every mail in the address's INBOX, as copies that stay readable once the connection is closed. */
    public static List<MimeMessage> messages(String address) {
        Properties settings = new Properties();
        settings.setProperty("mail.imap.connectiontimeout", "10000");
        settings.setProperty("mail.imap.timeout", "10000");
        String host = Objects.requireNonNullElse(System.getenv("SUPPORT_MAIL_IMAP_HOST"), "127.0.0.1");
        int port = Integer.parseInt(Objects.requireNonNullElse(System.getenv("SUPPORT_MAIL_IMAP_PORT"), "3143"));
        List<MimeMessage> mails = new ArrayList<>();
        try (Store store = Session.getInstance(settings).getStore("imap")) {
            store.connect(host, port, address, address);
            Folder folder = store.getFolder("INBOX");
            if (!folder.exists()) {
                return mails;
            }
            folder.open(Folder.READ_ONLY);
            for (Message m : folder.getMessages()) {
                mails.add(new MimeMessage((MimeMessage) m));
            }
            folder.close(false);
            return mails;
        } catch (MessagingException e) {
            throw new IllegalStateException("IMAP of " + address + ": " + e.getMessage(), e);
        }
    }

    private static String first(Message message, String header) throws MessagingException {
        String[] all = message.getHeader(header);
        return all == null ? null : all[0];
    }

    /** The text/plain part of multipart/alternative (or the content itself when it is plain text). */
    private static String plainText(Object content) throws MessagingException, IOException {
        if (content instanceof String text) {
            return text.replace("\r\n", "\n"); // SMTP's line ends
        }
        if (content instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                String found = part.isMimeType("text/plain") ? plainText(part.getContent())
                        : part.isMimeType("multipart/*") ? plainText(part.getContent()) : null;
                if (found != null) {
                    return found;
                }
            }
        }
        return "";
    }
}
