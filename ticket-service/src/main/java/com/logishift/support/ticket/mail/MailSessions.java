package com.logishift.support.ticket.mail;

import jakarta.mail.Session;
import java.util.Properties;

/** Jakarta Mail sessions for the configured IMAP and SMTP servers, with timeouts on every socket. */
final class MailSessions {

    private MailSessions() {
    }

    static Session imap(MailInConfig.Server server) {
        return Session.getInstance(properties(server.ssl() ? "imaps" : "imap", server));
    }

    /** SMTP with AUTH when a username is configured and STARTTLS as configured. */
    static Session smtp(MailInConfig.Smtp server) {
        String protocol = server.ssl() ? "smtps" : "smtp";
        Properties properties = properties(protocol, server);
        String prefix = "mail." + protocol + ".";
        properties.put(prefix + "auth", String.valueOf(server.username().isPresent()));
        properties.put(prefix + "starttls.enable", String.valueOf(server.startTls() != MailInConfig.StartTls.DISABLED));
        properties.put(prefix + "starttls.required", String.valueOf(server.startTls() == MailInConfig.StartTls.REQUIRED));
        return Session.getInstance(properties);
    }

    private static Properties properties(String protocol, MailInConfig.Server server) {
        Properties properties = new Properties();
        String prefix = "mail." + protocol + ".";
        properties.put("mail.store.protocol", protocol);
        properties.put("mail.transport.protocol", protocol);
        properties.put(prefix + "host", server.host());
        properties.put(prefix + "port", String.valueOf(server.port()));
        String millis = String.valueOf(server.timeout().toMillis());
        properties.put(prefix + "connectiontimeout", millis);
        properties.put(prefix + "timeout", millis);
        properties.put(prefix + "writetimeout", millis);
        // the certificate must name the host, also after STARTTLS (Jakarta Mail does not check by default)
        properties.put(prefix + "ssl.checkserveridentity", "true");
        // encoded words are decoded even when a client glued them to other text
        properties.put("mail.mime.decodetext.strict", "false");
        return properties;
    }
}
