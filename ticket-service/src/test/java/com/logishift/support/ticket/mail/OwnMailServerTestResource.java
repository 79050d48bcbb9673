package com.logishift.support.ticket.mail;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.logishift.support.kit.test.TcpProxy;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A GreenMail of the test's own (a library in this JVM) with authentication ON, unlike the one
 * deploy/local runs: the support mailbox has a real password and the polite reply must log in to the
 * SMTP server as {@value #RELAY_LOGIN}. The service reads IMAP through a {@link TcpProxy} the test can
 * cut, and polls only every 10 minutes, so whatever it reads sooner came by IMAP IDLE.
 */
public class OwnMailServerTestResource implements QuarkusTestResourceLifecycleManager {

    static final String MAILBOX = "support@logishift.local";
    static final String MAILBOX_PASSWORD = "mailbox-secret-" + Long.toHexString(System.nanoTime());
    static final String RELAY_LOGIN = "relay";
    static final String RELAY_PASSWORD = "relay-secret-" + Long.toHexString(System.nanoTime());

    private static volatile GreenMail server;
    private static volatile TcpProxy imap;

    static GreenMail server() {
        return server;
    }

    static TcpProxy imapProxy() {
        return imap;
    }

    /** The relay login's password on the server (a test sets a wrong one and back). */
    static void relayPassword(String password) {
        server.setUser("relay@logishift.local", RELAY_LOGIN, password);
    }

    /** What the server holds for the address (delivered, not yet deleted). */
    static List<MimeMessage> received(String address) {
        return server.findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(address), mail -> true).toList();
    }

    /**
     * True while the server listens for news on behalf of an IDLE command on the support mailbox.
     * GreenMail sends "+ idling" before it registers that listener, and a mail stored in between is
     * reported only when the IDLE command ends (minutes later here); a test that wants IDLE to announce
     * its mail waits for this first. GreenMail has no API for it, hence the look at its folder's listeners.
     */
    static boolean serverListensForIdle() {
        try {
            Object inbox = server.getManagers().getImapHostManager()
                    .getInbox(server.getUserManager().getUser(MAILBOX));
            java.lang.reflect.Field field = inbox.getClass().getDeclaredField("_mailboxListeners");
            field.setAccessible(true);
            List<?> listeners = (List<?>) field.get(inbox);
            synchronized (listeners) { // GreenMail's own lock for this list
                return listeners.stream().anyMatch(listener -> listener.getClass().getName().endsWith("IdleFolderListener"));
            }
        } catch (ReflectiveOperationException | com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException("GreenMail's IDLE listeners are not where this test expects them", e);
        }
    }

    static int smtpPort() {
        return server.getSmtp().getPort();
    }

    @Override
    public Map<String, String> start() {
        ServerSetup smtp = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP); // 0: a free port
        ServerSetup imapSetup = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        for (ServerSetup setup : List.of(smtp, imapSetup)) {
            setup.setServerStartupTimeout(30_000); // two busy cores (the default is 2 s)
        }
        GreenMail greenMail = new GreenMail(new ServerSetup[] {smtp, imapSetup});
        greenMail.start();
        GreenMailUser mailbox = greenMail.setUser(MAILBOX, MAILBOX, MAILBOX_PASSWORD);
        greenMail.setUser("relay@logishift.local", RELAY_LOGIN, RELAY_PASSWORD);
        server = greenMail;
        try {
            imap = new TcpProxy("127.0.0.1", greenMail.getImap().getPort());
        } catch (IOException e) {
            greenMail.stop();
            throw new UncheckedIOException("no IMAP proxy", e);
        }
        return Map.of(
                "support.mail.imap.host", "127.0.0.1",
                "support.mail.imap.port", String.valueOf(imap.port()),
                "support.mail.mailbox.user", mailbox.getLogin(),
                "support.mail.mailbox.password", MAILBOX_PASSWORD,
                "support.mail.smtp.host", "127.0.0.1",
                "support.mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()),
                "support.mail.smtp.username", RELAY_LOGIN,
                "support.mail.smtp.password", RELAY_PASSWORD,
                "support.mail.poll-interval", "10m");
    }

    @Override
    public void stop() {
        try (TcpProxy closing = imap) {
            imap = null;
        } catch (IOException e) {
            // the JVM ends anyway
        }
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
