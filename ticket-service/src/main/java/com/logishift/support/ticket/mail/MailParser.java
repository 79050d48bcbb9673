package com.logishift.support.ticket.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a MIME message defensively: one From address or none, subjects decoded from any charset Java
 * knows (else left as they came), the text from text/plain (or HTML converted by {@link HtmlText}) with
 * the quoted history cut ({@link Quotes}), every other leaf part as a file. Nesting, part count and
 * text length are bounded; control characters are removed. A mail the MIME parser cannot read at all
 * is {@link Unreadable}.
 */
final class MailParser {

    static final int MAX_DEPTH = 10;
    static final int MAX_PARTS = 100;
    static final int MAX_TEXT = 20_000;
    static final int MAX_SUBJECT = 1_000;

    /** addr-spec we accept from a From header: no quotes, comments or routes, one @. */
    private static final Pattern ADDRESS = Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9.-]{1,253}$");
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?[^?\\s]{1,64}\\?[BbQq]\\?[^?\\s]{0,2000}\\?=");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\p{Cf}&&[^\\u200d]]");

    /** The mail cannot be read as MIME. */
    static final class Unreadable extends Exception {
        Unreadable(String reason, Throwable cause) {
            super(clean(reason, 300).replaceAll("\\s+", " "), cause); // logged and stored: the parser may quote the mail
        }
    }

    private MailParser() {
    }

    static InboundMail parse(MimeMessage mail) throws Unreadable {
        try {
            String messageId = messageId(mail);
            String key = messageId != null ? messageId : "sha256:" + hash(mail);
            String[] sender = sender(mail);
            String subject = subject(mail);
            String automatic = AutomaticMail.reason(mail, sender[0]);
            Body body = new Body();
            try {
                walk(mail, 0, body);
            } catch (MessagingException | IOException | RuntimeException broken) {
                if (automatic == null) {
                    throw broken;
                }
                // a machine's mail is ignored anyway: its broken body does not matter
            }
            String text = body.plain.length() > 0 ? body.plain.toString()
                    : body.html.length() > 0 ? HtmlText.text(body.html.toString()) : "";
            return new InboundMail(key, messageId, sender[0], sender[1], subject, header(mail, "In-Reply-To"),
                    header(mail, "References"), automatic, clean(Quotes.strip(text), MAX_TEXT), List.copyOf(body.files));
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new Unreadable(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Cleaned text for storage: NFC-agnostic, no control or format characters but line breaks and tabs, bounded. */
    static String clean(String text, int max) {
        if (text == null) {
            return "";
        }
        String cleaned = CONTROL.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
        StringBuilder out = new StringBuilder(Math.min(cleaned.length(), max));
        for (int i = 0; i < cleaned.length() && out.length() < max; i++) {
            char c = cleaned.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < cleaned.length() && Character.isLowSurrogate(cleaned.charAt(i + 1))) {
                if (out.length() + 2 > max) {
                    break;
                }
                out.append(c).append(cleaned.charAt(++i));
            } else if (!Character.isSurrogate(c)) {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    private static String messageId(MimeMessage mail) throws MessagingException {
        String id = header(mail, "Message-ID");
        if (id == null) {
            return null;
        }
        id = clean(id, 1_001).replaceAll("\\s", "");
        return id.isEmpty() || id.length() > 998 ? null : id;
    }

    /** {address, display name}; the address null unless exactly one well-formed address is given. */
    private static String[] sender(MimeMessage mail) throws MessagingException {
        String[] from = mail.getHeader("From");
        if (from == null || from.length != 1) {
            return new String[2];
        }
        InternetAddress[] addresses;
        try {
            addresses = InternetAddress.parseHeader(MimeUtility.unfold(from[0]), true);
        } catch (AddressException e) {
            return new String[2];
        }
        if (addresses.length != 1 || addresses[0].isGroup()) {
            return new String[2];
        }
        String address = addresses[0].getAddress();
        if (address == null || !ADDRESS.matcher(address).matches()) {
            return new String[2];
        }
        String name = addresses[0].getPersonal();
        name = name == null ? null : clean(name, 100).replaceAll("\\s+", " ");
        return new String[] {address.toLowerCase(Locale.ROOT), name == null || name.isEmpty() ? null : name};
    }

    private static String subject(MimeMessage mail) throws MessagingException {
        String raw = header(mail, "Subject");
        if (raw == null) {
            return "";
        }
        return clean(decodeWords(MimeUtility.unfold(raw)), MAX_SUBJECT).replaceAll("\\s+", " ");
    }

    /**
     * RFC 2047 encoded words decoded one by one, so one word in a charset Java does not know stays as it
     * came instead of spoiling the rest; blanks between two encoded words go (RFC 2047 section 6.2).
     */
    static String decodeWords(String text) {
        Matcher word = ENCODED_WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        boolean previousEncoded = false;
        while (word.find()) {
            String between = text.substring(last, word.start());
            if (!(previousEncoded && between.isBlank())) {
                out.append(between);
            }
            String decoded;
            try {
                decoded = MimeUtility.decodeWord(word.group());
            } catch (ParseException | IOException | RuntimeException undecodable) {
                decoded = word.group();
            }
            out.append(decoded);
            last = word.end();
            previousEncoded = true;
        }
        return out.append(text.substring(last)).toString();
    }

    private static String header(MimeMessage mail, String name) throws MessagingException {
        String[] values = mail.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static final class Body {
        final StringBuilder plain = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<InboundMail.File> files = new ArrayList<>();
        int parts;
    }

    private static void walk(Part part, int depth, Body body) throws MessagingException, IOException {
        if (depth > MAX_DEPTH || ++body.parts > MAX_PARTS) {
            return;
        }
        ContentType type = contentType(part);
        if (type.match("multipart/*")) {
            Object content = part.getContent();
            if (!(content instanceof Multipart multipart)) {
                return;
            }
            if (type.match("multipart/alternative")) {
                alternative(multipart, depth, body);
                return;
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), depth + 1, body);
            }
            return;
        }
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        if (!attached && type.match("text/plain")) {
            append(body.plain, text(part, type));
        } else if (!attached && type.match("text/html")) {
            append(body.html, text(part, type));
        } else {
            byte[] bytes;
            try (InputStream in = part.getInputStream()) {
                bytes = in.readAllBytes();
            }
            body.files.add(new InboundMail.File(filename(part), bytes));
        }
    }

    /** The plain alternative when there is one, else the richest one (the last). */
    private static void alternative(Multipart multipart, int depth, Body body) throws MessagingException, IOException {
        BodyPart chosen = null;
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart candidate = multipart.getBodyPart(i);
            if (contentType(candidate).match("text/plain")) {
                chosen = candidate;
                break;
            }
            chosen = candidate;
        }
        if (chosen != null) {
            walk(chosen, depth + 1, body);
        }
    }

    private static ContentType contentType(Part part) {
        try {
            String raw = part.getContentType();
            return new ContentType(raw == null ? "text/plain" : raw);
        } catch (MessagingException broken) {
            return new ContentType("application", "octet-stream", null);
        }
    }

    /** The part's text in its declared charset; an unknown charset is read as UTF-8 (bad bytes replaced). */
    private static String text(Part part, ContentType type) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        Charset charset = StandardCharsets.UTF_8;
        String declared = type.getParameter("charset");
        if (declared != null) {
            try {
                charset = Charset.forName(MimeUtility.javaCharset(declared.strip()));
            } catch (RuntimeException unknown) {
                charset = StandardCharsets.UTF_8;
            }
        }
        return new String(bytes, charset);
    }

    private static void append(StringBuilder to, String text) {
        if (to.length() < MAX_TEXT * 4) {
            if (to.length() > 0) {
                to.append("\n\n");
            }
            to.append(text, 0, Math.min(text.length(), MAX_TEXT * 4));
        }
    }

    private static String filename(Part part) {
        try {
            String name = part.getFileName();
            if (name != null) {
                return MimeUtility.decodeText(name);
            }
        } catch (MessagingException | IOException | RuntimeException undecodable) {
            // the attachment keeps its content; Filenames makes a name of what there is
        }
        return "attachment";
    }

    private static String hash(MimeMessage mail) throws MessagingException, IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
                mail.writeTo(out);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
