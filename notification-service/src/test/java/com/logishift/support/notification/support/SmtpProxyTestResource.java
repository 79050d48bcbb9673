package com.logishift.support.notification.support;

import com.logishift.support.kit.test.TcpProxy;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/**
 * Sends the service's SMTP through a {@link TcpProxy} in front of the GreenMail deploy/local runs, so a
 * test can take the mail server away from this service only (cut: connections refused) and bring it back.
 */
public class SmtpProxyTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile TcpProxy smtp;

    public static TcpProxy proxy() {
        return smtp;
    }

    @Override
    public Map<String, String> start() {
        String port = Objects.requireNonNullElse(System.getenv("SUPPORT_MAIL_SMTP_PORT"), "3025");
        try {
            smtp = new TcpProxy(Objects.requireNonNullElse(System.getenv("SUPPORT_MAIL_SMTP_HOST"), "127.0.0.1"),
                    Integer.parseInt(port));
            return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(smtp.port()));
        } catch (IOException e) {
            throw new UncheckedIOException("no SMTP proxy", e);
        }
    }

    @Override
    public void stop() {
        if (smtp != null) {
            try (TcpProxy closing = smtp) {
                smtp = null;
            } catch (IOException e) {
                // the JVM ends anyway
            }
        }
    }
}
