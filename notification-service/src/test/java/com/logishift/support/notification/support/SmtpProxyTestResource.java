package com.logishift.support.notification.support;

import com.logishift.support.kit.test.TcpProxy;
import com.logishift.support.kit.test.TcpProxyTestResource;
import java.util.Map;
import java.util.Optional;

/**
 * Sends the service's SMTP through a {@link TcpProxy} in front of the GreenMail deploy/local runs, so a
 * test can take the mail server away from this service only (cut: connections refused) and bring it back.
 */
public class SmtpProxyTestResource extends TcpProxyTestResource {

    public static TcpProxy proxy() {
        return proxyOf(SmtpProxyTestResource.class);
    }

    @Override
    protected Optional<Target> target() {
        return Optional.of(new Target(env("SUPPORT_MAIL_SMTP_HOST", "127.0.0.1"), Integer.parseInt(env("SUPPORT_MAIL_SMTP_PORT", "3025"))));
    }

    @Override
    protected Map<String, String> settings(int port) {
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port));
    }
}
