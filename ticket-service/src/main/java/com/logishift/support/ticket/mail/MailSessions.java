package com.logishift.support.ticket.mail;

import jakarta.mail.Session;
import java.util.Properties;

/** Jakarta Mail sessions for the configured IMAP and SMTP servers, with timeouts on every socket. */
final class MailSessions {

    private MailSessions() {
    }

    static Session imap(MailInConfig.Server server) {
        return session(server.ssl() ? "imaps" : "imap", server);
    }

    static Session smtp(MailInConfig.Server server) {
        return session(server.ssl() ? "smtps" : "smtp", server);
    }

    private static Session session(String protocol, MailInConfig.Server server) {
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
        if (server.ssl()) {
            properties.put(prefix + "ssl.checkserveridentity", "true");
        }
        // encoded words are decoded even when a client glued them to other text
        properties.put("mail.mime.decodetext.strict", "false");
        return Session.getInstance(properties);
    }
}
