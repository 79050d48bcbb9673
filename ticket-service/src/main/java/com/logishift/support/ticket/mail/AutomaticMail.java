package com.logishift.support.ticket.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a mail was sent by a machine (RFC 3834 and the de-facto headers of auto-responders, lists and
 * bounces). Such mails are stored as ignored: they never create, reopen or answer anything, so an
 * out-of-office reply to our mail cannot start a loop.
 */
final class AutomaticMail {

    private static final Set<String> BULK = Set.of("bulk", "junk", "list", "auto_reply");
    private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster");

    private AutomaticMail() {
    }

    /** Why the mail counts as automatic, or null when a person wrote it. */
    static String reason(MimeMessage mail, String senderAddress) throws MessagingException {
        String autoSubmitted = first(mail, "Auto-Submitted");
        if (autoSubmitted != null && !"no".equals(token(autoSubmitted))) {
            return "Auto-Submitted: " + token(autoSubmitted);
        }
        String precedence = first(mail, "Precedence");
        if (precedence != null && BULK.contains(token(precedence))) {
            return "Precedence: " + token(precedence);
        }
        for (String header : new String[] {"X-Autoreply", "X-Autorespond", "X-Auto-Response"}) {
            if (first(mail, header) != null) {
                return header;
            }
        }
        String suppress = first(mail, "X-Auto-Response-Suppress"); // Exchange's out-of-office sets it
        if (suppress != null && (suppress.contains("OOF") || suppress.contains("AutoReply") || suppress.contains("All"))) {
            return "X-Auto-Response-Suppress";
        }
        if (first(mail, "List-Id") != null) {
            return "List-Id";
        }
        String contentType = first(mail, "Content-Type");
        if (contentType != null) {
            try {
                if (new ContentType(contentType).match("multipart/report")) {
                    return "multipart/report";
                }
            } catch (MessagingException unparseable) {
                // the parser decides what a broken content type means
            }
        }
        String returnPath = first(mail, "Return-Path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return "null Return-Path";
        }
        if (senderAddress != null) {
            String local = senderAddress.substring(0, Math.max(0, senderAddress.indexOf('@'))).toLowerCase(Locale.ROOT);
            if (DAEMONS.contains(local)) {
                return "sender " + local;
            }
        }
        return null;
    }

    private static String first(MimeMessage mail, String name) throws MessagingException {
        String[] values = mail.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    /** The header's value without comments or parameters, lower-case. */
    private static String token(String value) {
        String token = value.replaceAll("\\(.*?\\)", "").split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return token.length() > 40 ? token.substring(0, 40) : token;
    }
}
