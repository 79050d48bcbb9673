package com.logishift.support.ticket.mail;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;

/**
 * Reads the support mailbox over IMAP on its own thread (never an event loop): at once when
 * {@link MailIdle} hears of new mail, and every {@code poll-interval} as the safety net (and the only
 * way when the server has no IDLE). Each mail is handed to {@link MailIntake} and flagged deleted only
 * after its effect committed, then the folder is expunged. A mail whose handling failed (the database
 * or clamd away) stays in the INBOX and is tried again at the next poll; its Message-ID row makes a
 * second reading harmless, also when several replicas read the same mailbox.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class MailPoller {

    private static final Logger LOG = Logger.getLogger(MailPoller.class);

    private final MailIntake intake;
    private final MailInConfig config;
    private final InboundMailCounts counts;
    private final AtomicBoolean failing = new AtomicBoolean();
    /** A wake-up is queued and not yet begun: more wake-ups fold into it. */
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private volatile MailIdle idle;

    void start(@Observes StartupEvent start) {
        if (!config.inbound().enabled()) {
            LOG.info("Incoming e-mail is off (support.mail.inbound.enabled=false)");
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mail-in");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::pollQuietly, interval, interval, TimeUnit.MILLISECONDS);
        if (config.idle().enabled()) {
            idle = new MailIdle(config, this::wake);
            idle.start();
            long refresh = config.idle().refresh().toMillis();
            executor.scheduleWithFixedDelay(idle::refresh, refresh, refresh, TimeUnit.MILLISECONDS);
        }
        LOG.infof("Reading the support mailbox %s at %s:%d every %s%s", config.mailbox().user(), config.imap().host(),
                config.imap().port(), config.pollInterval(), idle == null ? "" : " and when IMAP IDLE reports mail");
    }

    void stop(@Observes ShutdownEvent stop) {
        if (idle != null) {
            idle.stop();
        }
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(config.imap().timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reads the mailbox now, on the poller's thread; wake-ups that come while one waits are one read. */
    void wake() {
        if (wakePending.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    wakePending.set(false);
                    pollQuietly();
                });
            } catch (RejectedExecutionException stopping) {
                wakePending.set(false);
            }
        }
    }

    /** The IDLE watcher, when it runs (tests look at it). */
    MailIdle idle() {
        return idle;
    }

    private void pollQuietly() {
        try {
            int handled = poll();
            if (failing.compareAndSet(true, false)) {
                LOG.info("The support mailbox can be read again");
            }
            if (handled > 0) {
                LOG.debugf("Handled %d incoming mails", handled);
            }
        } catch (Exception e) {
            // once per outage at WARN, then quietly until it recovers
            if (failing.compareAndSet(false, true)) {
                LOG.warnf("Could not read the support mailbox (will retry every %s): %s", config.pollInterval(),
                        e.getMessage());
            } else {
                LOG.debugf("Still cannot read the support mailbox: %s", e.getMessage());
            }
        }
    }

    /** One pass over (a batch of) the INBOX; returns how many mails were handled and removed. */
    int poll() throws MessagingException {
        Store store = MailSessions.imap(config.imap()).getStore();
        store.connect(config.imap().host(), config.imap().port(), config.mailbox().user(), config.mailbox().password());
        try {
            Folder folder = store.getFolder(config.mailbox().folder());
            folder.open(Folder.READ_WRITE);
            int handled = 0;
            try {
                int count = Math.min(folder.getMessageCount(), config.inbound().batchSize());
                if (count == 0) {
                    return 0;
                }
                Message[] messages = folder.getMessages(1, count);
                FetchProfile profile = new FetchProfile();
                profile.add(FetchProfile.Item.FLAGS);
                profile.add(FetchProfile.Item.SIZE);
                profile.add(UIDFolder.FetchProfileItem.UID);
                folder.fetch(messages, profile);
                for (Message message : messages) {
                    if (message.isSet(Flags.Flag.DELETED)) {
                        continue;
                    }
                    try {
                        handle(folder, (MimeMessage) message);
                        message.setFlag(Flags.Flag.DELETED, true);
                        handled++;
                    } catch (RuntimeException e) {
                        LOG.warnf("An incoming mail could not be handled now and stays in the mailbox: %s", e.toString());
                    }
                }
            } finally {
                folder.close(true); // expunge what was handled
            }
            return handled;
        } finally {
            store.close();
        }
    }

    private void handle(Folder folder, MimeMessage message) throws MessagingException {
        String fallbackKey = "imap-uid:" + ((UIDFolder) folder).getUIDValidity() + ":" + ((UIDFolder) folder).getUID(message);
        long max = config.inbound().maxSize().asLongValue();
        if (message.getSize() > max) {
            String[] id = message.getHeader("Message-ID");
            intake.skipped(id == null ? fallbackKey : MailParser.clean(id[0], 1000), null, MailIntake.Outcome.TOO_LARGE,
                    message.getSize() + " bytes");
            counts.count(MailIntake.Outcome.TOO_LARGE);
            return;
        }
        MimeMessage copy = new MimeMessage(message); // the whole mail in one fetch
        InboundMail mail;
        try {
            mail = MailParser.parse(copy);
        } catch (MailParser.Unreadable e) {
            String[] id = copy.getHeader("Message-ID");
            LOG.infof("An incoming mail is not readable MIME and is ignored: %s", e.getMessage());
            intake.skipped(id == null ? fallbackKey : MailParser.clean(id[0], 1000), null,
                    MailIntake.Outcome.UNREADABLE, e.getMessage());
            counts.count(MailIntake.Outcome.UNREADABLE);
            return;
        }
        MailIntake.Result result = intake.handle(mail);
        counts.count(result.outcome());
        // the key is cleaned of control characters and blanks; the sender only at DEBUG (personal data)
        LOG.infof("Incoming mail %s: %s%s", mail.key(), result.outcome(),
                result.ticketId() == null ? "" : " (ticket " + result.ticketId() + ")");
        LOG.debugf("Incoming mail %s was from %s", mail.key(), mail.sender());
    }
}
