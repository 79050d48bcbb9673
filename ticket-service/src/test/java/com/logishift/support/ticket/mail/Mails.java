package com.logishift.support.ticket.mail;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

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
}
