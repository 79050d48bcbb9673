package com.logishift.support.notification.mail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Sends the mails waiting in mail_outbox, on a worker thread (the scheduler's; SMTP never runs on an
 * event loop). Each round claims due rows with {@code FOR UPDATE SKIP LOCKED} and moves them a lease
 * ahead, so replicas never take the same row; it sends them one after the other and marks each sent
 * (keeping its Message-ID, and the address and language used). The address, name and language are
 * the person's at sending time; a mail whose recipient has no known address yet waits like a failed
 * one, and one whose recipient switched the kind off or was deactivated meanwhile is DROPPED. An SMTP
 * failure puts that mail back with exponential backoff and jitter and ends the round (the server is
 * probably away): the rest of the batch is due again at once. A mail is given up (FAILED) only when
 * still unsent {@link MailConfig#giveUpAfter()} after it was queued.
 *
 * <p>The accepted window: if this process dies after the SMTP server accepted a mail but before the
 * "sent" mark committed, the lease runs out and the mail is sent again, with the same Message-ID
 * (mail clients and ticket-service's incoming side treat the two as one message).
 */
@Startup // registers its metrics at start, so they read 0 rather than being absent
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);
    private static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(30);
    private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() {
    };
    /** Accounts that get no more mail (directory_account.status). */
    private static final Set<String> INACTIVE = Set.of("REJECTED", "DEACTIVATED");

    private final Pool pool;
    private final ReactiveMailer mailer;
    private final MailComposer composer;
    private final MailConfig config;
    private final ObjectMapper json;
    private final Counter sent;
    private final Counter failures;
    /** Send attempts that failed since the last success (the outage's WARN is logged once). */
    private final AtomicLong failingInARow = new AtomicLong();
    private volatile boolean stopping;

    public MailSender(Pool pool, ReactiveMailer mailer, MailComposer composer, MailConfig config, ObjectMapper json,
            MeterRegistry metrics) {
        this.pool = pool;
        this.mailer = mailer;
        this.composer = composer;
        this.config = config;
        this.json = json;
        this.sent = metrics.counter("support.mail.sent");
        this.failures = metrics.counter("support.mail.failures");
    }

    /**
     * The application is stopping: the database pool closes while the Kafka consumers still take
     * seconds to leave, and every round until then would fail with "Pool closed" (a WARN a second).
     */
    void stopSending(@Observes ShutdownEvent stop) {
        stopping = true;
    }

    @Scheduled(every = "${support.mail.send-interval:PT1S}", delayed = "PT1S",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        if (!config.enabled() || stopping) {
            return;
        }
        try {
            // full batches mean more are waiting: go on (bounded, so one round cannot run forever)
            for (int round = 0; round < 50 && sendBatch() == config.batchSize(); round++) {
                // next batch
            }
        } catch (RuntimeException e) {
            // the database is away (or shutting down): claimed mails come back when their lease ends
            LOG.warnf("Mail sending paused (will retry): %s", e.getMessage());
        }
    }

    /** Claims and sends one batch; answers how many were sent. Visible for tests. */
    int sendBatch() {
        List<Row> claimed = new ArrayList<>();
        claim().forEach(claimed::add);
        claimed.sort(Comparator.comparingLong(row -> row.getLong("seq")));
        int done = 0;
        for (int i = 0; i < claimed.size(); i++) {
            Row row = claimed.get(i);
            UUID id = row.getUUID("id");
            String status = row.getString("person_status"); // null: not in the directory (yet)
            if (row.getBoolean("switched_off") || status != null && INACTIVE.contains(status)) {
                update("UPDATE mail_outbox SET status = 'DROPPED', data = '{}'::jsonb, last_error = $2 WHERE id = $1",
                        Tuple.of(id, row.getBoolean("switched_off") ? "e-mail of this kind switched off" : "account inactive"));
                continue;
            }
            if (row.getString("address") == null) {
                // the account's event has not arrived yet (or it came before addresses were kept): later
                retry(row, "the recipient's address is not known yet");
                continue;
            }
            try {
                mailer.send(composer.compose(queued(row))).await().atMost(config.sendTimeout());
            } catch (RuntimeException e) {
                failures.increment();
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                // one WARN per outage, not one per attempt (an hour without the server is thousands)
                if (failingInARow.getAndIncrement() == 0) {
                    LOG.warnf("Mail %s not sent (attempt %d); mails wait and are retried: %s", id,
                            row.getInteger("attempts"), reason);
                } else {
                    LOG.debugf("Mail %s not sent (attempt %d), will retry: %s", id, row.getInteger("attempts"), reason);
                }
                retry(row, reason);
                release(claimed.subList(i + 1, claimed.size()));
                return done;
            }
            // the server has it: from here a lost mark means the same mail (same Message-ID) again
            update("UPDATE mail_outbox SET status = 'SENT', sent_at = now(), last_error = NULL, data = '{}'::jsonb, "
                    + "to_address = $2, language = $3 WHERE id = $1",
                    Tuple.of(id, row.getString("address"), row.getString("lang")));
            sent.increment();
            long failed = failingInARow.getAndSet(0);
            if (failed > 0) {
                LOG.infof("Mail sending works again after %d failed attempts", failed);
            }
            done++;
        }
        return done;
    }

    /**
     * Due rows, moved a lease ahead, with what the person is now: address, name, language, status,
     * and whether they switched the kind off meanwhile.
     */
    private RowSet<Row> claim() {
        return pool.preparedQuery("""
                        WITH claimed AS (
                            UPDATE mail_outbox o SET attempts = o.attempts + 1,
                                   next_attempt_at = now() + make_interval(secs => $2)
                             WHERE o.id IN (SELECT id FROM mail_outbox
                                             WHERE status = 'PENDING' AND next_attempt_at <= now()
                                             ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
                            RETURNING o.*)
                        SELECT c.*, c.data::text AS data_json, d.email AS address, d.name AS person_name, d.status AS person_status,
                               COALESCE(s.language, 'en') AS lang,
                               EXISTS (SELECT 1 FROM preference p
                                        WHERE p.account_id = c.recipient_id AND p.kind = c.kind AND NOT p.email)
                                   AS switched_off
                          FROM claimed c
                          LEFT JOIN directory_account d ON d.id = c.recipient_id
                          LEFT JOIN mail_setting s ON s.account_id = c.recipient_id""")
                .execute(Tuple.of(config.batchSize(), (double) config.lease().toSeconds()))
                .await().atMost(DATABASE_TIMEOUT);
    }

    /** Back off: due again after the backoff of its attempt, or given up once too old. */
    private void retry(Row row, String reason) {
        update("""
                        UPDATE mail_outbox SET next_attempt_at = now() + make_interval(secs => $2), last_error = $3,
                               status = CASE WHEN created_at < now() - make_interval(secs => $4) THEN 'FAILED'
                                             ELSE 'PENDING' END
                         WHERE id = $1""",
                Tuple.of(row.getUUID("id"), backoff(row.getInteger("attempts")).toMillis() / 1000.0,
                        reason.length() > 500 ? reason.substring(0, 500) : reason,
                        (double) config.giveUpAfter().toSeconds()));
    }

    /** The claimed mails not tried this round: due again at once, the attempt not counted. */
    private void release(List<Row> rows) {
        if (!rows.isEmpty()) {
            update("UPDATE mail_outbox SET next_attempt_at = now(), attempts = attempts - 1 WHERE id = ANY($1)",
                    Tuple.of(rows.stream().map(row -> row.getUUID("id")).toArray(UUID[]::new)));
        }
    }

    /** base · 2^(attempt-1), at most the maximum, and a random half of it off (equal jitter). */
    Duration backoff(int attempt) {
        long base = config.backoffBase().toMillis();
        long max = config.backoffMax().toMillis();
        long exponential = attempt >= 30 ? max : Math.min(max, base << Math.max(0, attempt - 1));
        long half = exponential / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    private MailComposer.Queued queued(Row row) {
        Map<String, String> data;
        try {
            data = json.readValue(row.getString("data_json"), DATA);
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable data of mail " + row.getUUID("id"), e);
        }
        MailKind kind = MailKind.ofType(row.getString("kind"))
                .orElseThrow(() -> new IllegalStateException("Unknown mail kind " + row.getString("kind")));
        return new MailComposer.Queued(row.getUUID("id"), kind, row.getUUID("recipient_id"),
                row.getString("address"), row.getString("person_name"), row.getString("lang"),
                row.getUUID("ticket_id"), row.getString("reference"), row.getString("message_id"),
                row.getString("thread_id"), data);
    }

    private void update(String sql, Tuple params) {
        pool.preparedQuery(sql).execute(params).await().atMost(DATABASE_TIMEOUT);
    }
}
