package com.logishift.support.ticket.mail;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.time.Duration;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jboss.logging.Logger;

/**
 * Watches the support mailbox with IMAP IDLE (RFC 2177) on its own named thread and calls {@code wake}
 * when the server reports mail, so a mail is read within moments instead of at the next poll. The wake
 * hangs on the folder's message-count event, not on {@code idle()} returning: a mail that arrives just
 * before the IDLE command is reported with the command's continuation, which Angus handles without
 * returning from {@code idle()}, but it still fires the event. It only
 * watches (the folder is opened read-only); the poll reads, and stays the safety net. A connection that
 * drops is opened again after a second, then with a doubling pause up to a minute while the server is
 * away (one WARN per outage, the rest at DEBUG). A server without IDLE is logged once and left to the
 * poll. {@link #refresh()}, called by the poller every {@code idle.refresh}, renews the IDLE command.
 */
final class MailIdle {

    private static final Logger LOG = Logger.getLogger(MailIdle.class);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration MAX_PAUSE = Duration.ofMinutes(1);

    private final MailInConfig config;
    private final Runnable wake;
    private final Object pause = new Object();
    private volatile boolean running;
    private volatile boolean idling;
    private volatile IMAPFolder folder;
    private volatile Thread thread;

    MailIdle(MailInConfig config, Runnable wake) {
        this.config = config;
        this.wake = wake;
    }

    void start() {
        running = true;
        Thread watcher = new Thread(this::run, "mail-idle");
        watcher.setDaemon(true);
        thread = watcher;
        watcher.start();
    }

    /** Ends the IDLE command and the connection, and waits for the thread to end. */
    void stop() {
        running = false;
        synchronized (pause) {
            pause.notifyAll();
        }
        IMAPFolder watched = folder;
        if (watched != null) {
            closeQuietly(watched); // ends the IDLE command (DONE), so the thread returns from it
        }
        Thread watcher = thread;
        if (watcher != null) {
            try {
                watcher.join(config.imap().timeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True while an IDLE connection is open (tests wait for it). */
    boolean idling() {
        return idling;
    }

    /** True while the watching thread lives. */
    boolean alive() {
        Thread watcher = thread;
        return watcher != null && watcher.isAlive();
    }

    /**
     * Renews the IDLE command: any command on the folder ends it (DONE), the thread starts it again; a
     * connection that died without a word fails here, and the thread reconnects.
     */
    void refresh() {
        IMAPFolder watched = folder;
        if (watched == null || !idling) {
            return;
        }
        try {
            watched.getMessageCount(); // NOOP on the watched connection
        } catch (MessagingException | RuntimeException e) {
            LOG.debugf("Renewing IMAP IDLE failed (the watcher reconnects): %s", e.getMessage());
        }
    }

    private void run() {
        Duration delay = Duration.ZERO;
        boolean warned = false;
        while (running) {
            if (!delay.isZero() && !sleep(delay)) {
                break;
            }
            boolean established = false; // IDLE ran on this connection
            Store store = null;
            try {
                store = MailSessions.imap(config.imap()).getStore();
                store.connect(config.imap().host(), config.imap().port(), config.mailbox().user(),
                        config.mailbox().password());
                if (!((IMAPStore) store).hasCapability("IDLE")) {
                    LOG.infof("The IMAP server has no IDLE: the support mailbox is read every %s only",
                            config.pollInterval());
                    return;
                }
                IMAPFolder opened = (IMAPFolder) store.getFolder(config.mailbox().folder());
                opened.addMessageCountListener(new MessageCountAdapter() {
                    @Override
                    public void messagesAdded(MessageCountEvent event) {
                        wake.run(); // on the folder's event thread, whichever command brought the news
                    }
                });
                opened.open(Folder.READ_ONLY);
                folder = opened;
                if (warned) {
                    LOG.info("IMAP IDLE on the support mailbox works again");
                    warned = false;
                } else {
                    LOG.debug("Watching the support mailbox with IMAP IDLE");
                }
                delay = Duration.ZERO;
                idling = true;
                established = true;
                while (running) {
                    // mail that came while we were not idling, or what a full batch left behind
                    if (opened.getMessageCount() > 0) {
                        wake.run();
                    }
                    opened.idle(true); // returns after one notification, a refresh or the close by stop()
                }
            } catch (MessagingException | RuntimeException e) {
                if (!running) {
                    break;
                }
                if (established) {
                    // a connection that worked and dropped (server restart, network): try again soon
                    LOG.debugf("The IMAP IDLE connection ended, reconnecting: %s", e.getMessage());
                    delay = FIRST_PAUSE;
                } else {
                    delay = delay.isZero() ? FIRST_PAUSE : min(delay.multipliedBy(2), MAX_PAUSE);
                    if (!warned) {
                        LOG.warnf("IMAP IDLE on the support mailbox is not possible now (retrying, at most every %s; "
                                + "the poll every %s goes on): %s", MAX_PAUSE, config.pollInterval(), e.getMessage());
                        warned = true;
                    } else {
                        LOG.debugf("IMAP IDLE still not possible: %s", e.getMessage());
                    }
                }
            } finally {
                idling = false;
                IMAPFolder watched = folder;
                folder = null;
                if (watched != null) {
                    closeQuietly(watched);
                }
                closeQuietly(store);
            }
        }
    }

    /** Waits, unless stop() comes first; answers whether to go on. */
    private boolean sleep(Duration delay) {
        synchronized (pause) {
            long until = System.nanoTime() + delay.toNanos();
            long left = delay.toMillis();
            while (running && left > 0) {
                try {
                    pause.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                left = (until - System.nanoTime()) / 1_000_000;
            }
        }
        return running;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void closeQuietly(IMAPFolder folder) {
        try {
            if (folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.debugf("Closing the IDLE folder: %s", e.getMessage());
        }
    }

    private static void closeQuietly(Store store) {
        if (store == null) {
            return;
        }
        try {
            store.close();
        } catch (MessagingException | RuntimeException e) {
            LOG.debugf("Closing the IDLE connection: %s", e.getMessage());
        }
    }
}
