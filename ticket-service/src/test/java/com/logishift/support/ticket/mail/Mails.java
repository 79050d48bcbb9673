package com.logishift.support.ticket.mail;

import com.logishift.support.kit.test.Tokens.Person;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.UUID;

/** Test mails: the fixtures under src/test/resources/mail/ and mails built in the test. */
final class Mails {

    private static final Session SESSION;

    static {
        Properties properties = new Properties();
        properties.put("mail.mime.decodetext.strict", "false");
        SESSION = Session.getInstance(properties);
    }

    private Mails() {
    }

    static byte[] fixture(String name) {
        try (InputStream in = Mails.class.getResourceAsStream("/mail/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture mail/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MimeMessage mime(byte[] raw) {
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static InboundMail parse(String fixture) throws MailParser.Unreadable {
        return MailParser.parse(mime(fixture(fixture)));
    }

    static InboundMail parseRaw(String raw) throws MailParser.Unreadable {
        return MailParser.parse(mime(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The address the test tokens give a person. */
    static String address(Person person) {
        return person.role() + "-" + person.id() + "@example.com";
    }

    static String newMessageId() {
        return "<test-" + UUID.randomUUID() + "@example.com>";
    }

    /** A Message-ID of the form notification-service gives its mails about the ticket. */
    static String ourMessageId(String ticketId, String domain) {
        return "<t-" + ticketId + ".m-" + UUID.randomUUID() + "@" + domain + ">";
    }

    /** A session that sends over plain SMTP without login (GreenMail accepts any sender). */
    static Session smtp(String host, int port) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        return Session.getInstance(properties);
    }

    /** A mail with the given Message-ID (Jakarta Mail would make up its own). */
    static MimeMessage message(Session smtp, String from, String to, String subject, String messageId)
            throws MessagingException {
        MimeMessage mail = new MimeMessage(smtp) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        mail.setFrom(new InternetAddress(from));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        mail.setSubject(subject, "UTF-8");
        return mail;
    }

    static void send(MimeMessage mail) throws MessagingException {
        mail.saveChanges();
        Transport.send(mail);
    }
}
