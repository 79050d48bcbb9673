package com.logishift.support.notification.support;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads a mailbox of the GreenMail deploy/local runs over IMAP, as a mail client would (auth is off:
 * the address is login and password). SUPPORT_MAIL_IMAP_HOST/PORT, defaults 127.0.0.1:3143.
 */
public final class Mailbox {

    /** One mail as received: the headers the tests look at, and both bodies. */
    public record Received(String subject, String messageId, String inReplyTo, String references, String from,
            String replyTo, String listUnsubscribe, String listUnsubscribePost, String text, String html) {
    }

    private Mailbox() {
    }

    public static List<Received> read(String address) {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "10000");
        properties.put("mail.imap.timeout", "10000");
        Session session = Session.getInstance(properties);
        try (Store store = session.getStore("imap")) {
            store.connect(env("SUPPORT_MAIL_IMAP_HOST", "127.0.0.1"),
                    Integer.parseInt(env("SUPPORT_MAIL_IMAP_PORT", "3143")), address, address);
            Folder inbox = store.getFolder("INBOX");
            if (!inbox.exists()) {
                return List.of();
            }
            inbox.open(Folder.READ_ONLY);
            try {
                List<Received> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    mails.add(new Received(message.getSubject(), header(message, "Message-ID"),
                            header(message, "In-Reply-To"), header(message, "References"), header(message, "From"),
                            header(message, "Reply-To"), header(message, "List-Unsubscribe"),
                            header(message, "List-Unsubscribe-Post"), body(message, "text/plain"),
                            body(message, "text/html")));
                }
                return mails;
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot read the mailbox of " + address + ": " + e.getMessage(), e);
        }
    }

    private static String header(Message message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static String body(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return part.getContent().toString().replace("\r\n", "\n"); // SMTP's line ends
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = body(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String env(String name, String fallback) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank()).orElse(fallback);
    }
}
