package com.logishift.support.systemtests.client;

import com.logishift.support.systemtests.harness.SupportSystem;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A mail to the support mailbox, which ticket-service reads over IMAP, sent over the run's SMTP server
 * as a mail client sends it: plain text, or text with attached files. The sending side of {@link Inbox}.
 */
public final class MailToSupport {

    /** ticket-service's mailbox (its default, which the harness keeps). */
    private static final String ADDRESS = "support@logishift.local";

    private final SupportSystem system;
    private final String from;
    private final String subject;
    private String name;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String text = "";
    private final List<MimeBodyPart> files = new ArrayList<>();

    private MailToSupport(SupportSystem system, String from, String subject) {
        this.system = system;
        this.from = from;
        this.subject = subject;
    }

    public static MailToSupport from(SupportSystem system, String from, String subject) {
        return new MailToSupport(system, from, subject);
    }

    /** The sender's display name, next to the address in From. */
    public MailToSupport named(String name) {
        this.name = name;
        return this;
    }

    public MailToSupport header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public MailToSupport text(String text) {
        this.text = text;
        return this;
    }

    public MailToSupport attach(byte[] bytes, String type, String fileName) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, type)));
        part.setFileName(fileName);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        files.add(part);
        return this;
    }

    /** Sends the mail; returns its Message-ID. */
    public String send() throws MessagingException, UnsupportedEncodingException {
        MimeMessage mail = new MimeMessage(session());
        mail.setFrom(new InternetAddress(from, name, "UTF-8"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(ADDRESS));
        mail.setSubject(subject, "UTF-8");
        for (Map.Entry<String, String> header : headers.entrySet()) {
            mail.setHeader(header.getKey(), header.getValue());
        }
        if (files.isEmpty()) {
            mail.setText(text, "UTF-8");
        } else {
            MimeMultipart parts = new MimeMultipart();
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, "UTF-8");
            parts.addBodyPart(body);
            for (MimeBodyPart file : files) {
                parts.addBodyPart(file);
            }
            mail.setContent(parts);
        }
        mail.saveChanges();
        Transport.send(mail);
        return mail.getMessageID();
    }

    private Session session() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", system.infra().smtpHost());
        properties.put("mail.smtp.port", String.valueOf(system.infra().smtpPort()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        return Session.getInstance(properties);
    }
}
