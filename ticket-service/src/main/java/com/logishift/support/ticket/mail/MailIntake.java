package com.logishift.support.ticket.mail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.logishift.support.kit.ProblemException;
import com.logishift.support.ticket.Actor;
import com.logishift.support.ticket.Category;
import com.logishift.support.ticket.Role;
import com.logishift.support.ticket.TicketStatus;
import com.logishift.support.ticket.attachment.AttachmentConfig;
import com.logishift.support.ticket.attachment.Attachments;
import com.logishift.support.ticket.conversation.Channel;
import com.logishift.support.ticket.conversation.ConversationService;
import com.logishift.support.ticket.conversation.MessagePolicy;
import com.logishift.support.ticket.conversation.Visibility;
import com.logishift.support.ticket.event.TicketActivity;
import com.logishift.support.ticket.rest.CreateTicketRequest;
import com.logishift.support.ticket.service.TicketCreation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;

/**
 * What a mail from the support mailbox does, decided in this order: a mail already seen does nothing
 * again; a machine's mail (auto-reply, bounce, list) and a mail without one clear sender are stored as
 * ignored; beyond {@code max-per-hour} mails of one sender in the last hour the rest are stored as
 * rate-limited; a reply to a ticket (the Message-IDs it answers, then the subject's reference; a merged
 * ticket stands for its target) becomes the customer's PUBLIC message through the conversation's own
 * code (a CLOSED ticket gets a follow-up ticket instead), and from anybody else earns one polite reply
 * a day quoting nothing; a known customer's new mail opens a ticket; an unknown sender's mail does
 * nothing. Each mail's row in {@code inbound_mail} is written in the transaction of its effect.
 *
 * <p>Blocking (files are scanned, each step awaited): call it on a worker thread.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class MailIntake {

    private static final Logger LOG = Logger.getLogger(MailIntake.class);
    private static final Duration STEP = Duration.ofMinutes(2);
    /** Subject and body of a ticket opened by mail (the web form's limits). */
    static final int MAX_SUBJECT = 200;
    static final int MAX_DESCRIPTION = 10_000;

    /** What became of a mail; stored in {@code inbound_mail.outcome}. */
    public enum Outcome {
        POSTED, CREATED, FOLLOW_UP, DUPLICATE, AUTOMATIC, INVALID_SENDER, OWN_ADDRESS, RATE_LIMITED, UNKNOWN_SENDER,
        NOT_THE_CUSTOMER, EMPTY, TOO_LARGE, UNREADABLE, REFUSED
    }

    /** The outcome and the ticket (and message) it touched, if any. */
    public record Result(Outcome outcome, UUID ticketId, UUID messageId) {
    }

    private static final String TICKET_COLUMNS = "id, status, customer_id, customer_name, customer_email, merged_into_id";
    private static final String RECORD = """
            INSERT INTO inbound_mail (message_id, sender, outcome, detail, ticket_id, ticket_message_id, received_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (message_id) DO NOTHING""";
    private static final String KNOWN_CUSTOMER = """
            SELECT id, name FROM (
                SELECT id, name, updated_at AS at FROM mail_customer WHERE email = $1
                UNION ALL
                (SELECT customer_id, customer_name, created_at FROM ticket WHERE lower(customer_email) = $1
                  ORDER BY created_at DESC LIMIT 1)) known
             ORDER BY at DESC LIMIT 1""";

    private final Pool pool;
    private final ConversationService conversation;
    private final TicketCreation creation;
    private final Attachments attachments;
    private final AttachmentConfig attachmentConfig;
    private final TicketActivity activity;
    private final PoliteReply reply;
    private final MailInConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    /** Stores a mail that was not read (too large, not MIME) under its key. */
    public Result skipped(String key, String sender, Outcome outcome, String detail) {
        record(pool, key, sender, outcome, detail, null, null).await().atMost(STEP);
        return new Result(outcome, null, null);
    }

    public Result handle(InboundMail mail) {
        if (seen(mail.key())) {
            return new Result(Outcome.DUPLICATE, null, null);
        }
        if (mail.automatic() != null) {
            return skipped(mail.key(), mail.sender(), Outcome.AUTOMATIC, mail.automatic());
        }
        if (mail.sender() == null) {
            return skipped(mail.key(), null, Outcome.INVALID_SENDER, "From is missing, unreadable or names several");
        }
        if (ownAddress(mail.sender())) {
            return skipped(mail.key(), mail.sender(), Outcome.OWN_ADDRESS, "sent by the support mailbox itself");
        }
        if (sentInLastHour(mail.sender()) >= config.inbound().maxPerHour()) {
            LOG.infof("Mail %s not acted on: its sender sent more than %d in an hour", mail.key(),
                    config.inbound().maxPerHour());
            return skipped(mail.key(), mail.sender(), Outcome.RATE_LIMITED, null);
        }
        Optional<TicketRow> ticket = repliedTicket(mail);
        if (ticket.isPresent()) {
            TicketRow t = ticket.get();
            if (t.customerEmail() == null || !t.customerEmail().equalsIgnoreCase(mail.sender())) {
                return refuse(mail, t.id());
            }
            Actor customer = new Actor(t.customerId(), Role.CUSTOMER, t.customerName(), t.customerEmail());
            return t.status() == TicketStatus.CLOSED ? create(mail, customer, t.id()) : post(mail, customer, t.id());
        }
        Optional<Actor> customer = knownCustomer(mail.sender(), mail.senderName());
        if (customer.isEmpty()) {
            return skipped(mail.key(), mail.sender(), Outcome.UNKNOWN_SENDER, null);
        }
        return create(mail, customer.get(), null);
    }

    // --- the effects ----------------------------------------------------------------------------------

    private Result post(InboundMail mail, Actor customer, UUID ticketId) {
        Files files = upload(customer, mail);
        String text = withNotes(mail.text(), files, MessagePolicy.MAX_BODY);
        if (text.isBlank()) {
            return skipped(mail.key(), mail.sender(), Outcome.EMPTY, null);
        }
        ConversationService.Draft draft = new ConversationService.Draft(MessagePolicy.body(text), Visibility.PUBLIC,
                files.ids(), null, Channel.EMAIL);
        return effect(mail, tx -> conversation.post(tx, customer, ticketId, draft)
                .map(posted -> new Result(Outcome.POSTED, ticketId, posted.message().id())));
    }

    /** A new ticket; {@code followUpOf} the CLOSED ticket the mail answered, if any. */
    private Result create(InboundMail mail, Actor customer, UUID followUpOf) {
        Files files = upload(customer, mail);
        String description = withNotes(mail.text(), files, MAX_DESCRIPTION);
        if (description.isBlank()) {
            return skipped(mail.key(), mail.sender(), Outcome.EMPTY, null);
        }
        ArrayNode ids = json.createArrayNode();
        files.ids().forEach(id -> ids.add(id.toString()));
        CreateTicketRequest request = new CreateTicketRequest(subject(mail), Category.OTHER, description, null, null,
                followUpOf == null ? null : followUpOf.toString(), ids);
        Outcome outcome = followUpOf == null ? Outcome.CREATED : Outcome.FOLLOW_UP;
        return effect(mail, tx -> creation.create(tx, customer, request)
                .map(details -> new Result(outcome, details.ticket().id, null)));
    }

    /** The polite reply, once a day per sender (a failed one does not count); nothing of the ticket is in it. */
    private Result refuse(InboundMail mail, UUID ticketId) {
        LocalDate today = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
        Boolean answer = pool.withTransaction(tx -> record(tx, mail.key(), mail.sender(), Outcome.NOT_THE_CUSTOMER,
                        null, ticketId, null)
                .flatMap(recorded -> recorded == 0 ? Uni.createFrom().item(false)
                        : tx.preparedQuery("""
                                INSERT INTO mail_auto_reply (sender, day, sent_at) VALUES ($1, $2, $3)
                                ON CONFLICT DO NOTHING""")
                                .execute(Tuple.of(mail.sender(), today, utc(clock.instant())))
                                .map(rows -> rows.rowCount() == 1)))
                .await().atMost(STEP);
        if (answer && !reply.send(mail.sender(), mail.messageId())) {
            // not sent (SMTP away, login refused): the day's one reply is still owed to the next mail
            pool.preparedQuery("DELETE FROM mail_auto_reply WHERE sender = $1 AND day = $2")
                    .execute(Tuple.of(mail.sender(), today)).await().atMost(STEP);
        }
        return new Result(Outcome.NOT_THE_CUSTOMER, ticketId, null);
    }

    private interface Effect {
        Uni<Result> apply(SqlConnection tx);
    }

    /** The effect and the mail's row in one transaction; a duplicate that raced us rolls back. */
    private Result effect(InboundMail mail, Effect effect) {
        Result result;
        try {
            result = pool.withTransaction(tx -> effect.apply(tx).flatMap(done -> record(tx, mail.key(), mail.sender(),
                            done.outcome(), null, done.ticketId(), done.messageId())
                            .map(recorded -> {
                                if (recorded == 0) {
                                    throw new AlreadyRecorded();
                                }
                                return done;
                            })))
                    .await().atMost(STEP);
        } catch (AlreadyRecorded raced) {
            return new Result(Outcome.DUPLICATE, null, null);
        } catch (ProblemException refused) {
            // the conversation's rules said no (say, a file claimed twice): the mail is not retried
            if (refused.problem().status() >= 500) {
                throw refused;
            }
            LOG.infof("Mail %s refused: %s", mail.key(), refused.problem().detail());
            return skipped(mail.key(), mail.sender(), Outcome.REFUSED, truncate(refused.problem().detail(), 500));
        }
        activity.committed(result.ticketId());
        return result;
    }

    private static final class AlreadyRecorded extends RuntimeException {
        AlreadyRecorded() {
            super("mail already recorded", null, false, false);
        }
    }

    // --- files ----------------------------------------------------------------------------------------

    private record Files(List<UUID> ids, List<String> notes) {
    }

    /**
     * Each file through the upload checks (size, type from the bytes, clamd) as the customer; a refused
     * file is left out and named in a note. An unreachable scanner fails the whole mail (it is retried).
     */
    private Files upload(Actor customer, InboundMail mail) {
        List<UUID> ids = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (InboundMail.File file : mail.files()) {
            if (ids.size() >= attachmentConfig.maxPerMessage()) {
                notes.add("\"" + file.filename() + "\" was not attached: at most " + attachmentConfig.maxPerMessage()
                        + " files per message.");
                continue;
            }
            try {
                ids.add(attachments.upload(customer, file.filename(), file.content()).await().atMost(STEP).id());
            } catch (ProblemException refused) {
                if (refused.problem().status() >= 500) {
                    throw refused;
                }
                notes.add("\"" + MailParser.clean(file.filename(), 100) + "\" was not attached: "
                        + refused.problem().detail());
            }
        }
        return new Files(ids, notes);
    }

    private static String withNotes(String text, Files files, int max) {
        StringBuilder out = new StringBuilder(text == null ? "" : text.strip());
        if (out.isEmpty() && !files.ids().isEmpty()) {
            out.append("(sent by e-mail without text)");
        }
        for (String note : files.notes()) {
            out.append(out.isEmpty() ? "" : "\n\n").append("[").append(note).append("]");
        }
        return truncate(out.toString(), max).strip();
    }

    // --- reading --------------------------------------------------------------------------------------

    private record TicketRow(UUID id, TicketStatus status, UUID customerId, String customerName, String customerEmail,
            UUID mergedIntoId) {
    }

    /** The ticket the mail answers: by Message-ID, then by the subject's reference; merged ones by their target. */
    private Optional<TicketRow> repliedTicket(InboundMail mail) {
        List<UUID> ids = TicketReferences.ticketIds(mail.inReplyTo(), mail.references(), config.domain());
        TicketRow found = null;
        if (!ids.isEmpty()) {
            List<TicketRow> rows = tickets("SELECT " + TICKET_COLUMNS + " FROM ticket WHERE id = ANY($1)",
                    Tuple.of(ids.toArray(UUID[]::new)));
            for (UUID id : ids) { // the newest reference that names a ticket wins
                found = found != null ? found : rows.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
            }
        }
        if (found == null) {
            Optional<String> reference = TicketReferences.subjectReference(mail.subject());
            if (reference.isPresent()) {
                found = tickets("SELECT " + TICKET_COLUMNS + " FROM ticket WHERE reference = $1",
                        Tuple.of(reference.get())).stream().findFirst().orElse(null);
            }
        }
        // merges never chain (a target is never merged itself); the bound only guards bad data
        for (int hop = 0; found != null && found.mergedIntoId() != null && hop < 3; hop++) {
            UUID target = found.mergedIntoId();
            found = tickets("SELECT " + TICKET_COLUMNS + " FROM ticket WHERE id = $1", Tuple.of(target)).stream()
                    .findFirst().orElse(found);
        }
        return Optional.ofNullable(found);
    }

    private List<TicketRow> tickets(String sql, Tuple parameters) {
        RowSet<Row> rows = pool.preparedQuery(sql).execute(parameters).await().atMost(STEP);
        List<TicketRow> tickets = new ArrayList<>();
        for (Row row : rows) {
            tickets.add(new TicketRow(row.getUUID("id"), TicketStatus.valueOf(row.getString("status")),
                    row.getUUID("customer_id"), row.getString("customer_name"), row.getString("customer_email"),
                    row.getUUID("merged_into_id")));
        }
        return tickets;
    }

    private Optional<Actor> knownCustomer(String address, String displayName) {
        RowSet<Row> rows = pool.preparedQuery(KNOWN_CUSTOMER).execute(Tuple.of(address)).await().atMost(STEP);
        if (rows.size() == 0) {
            return Optional.empty();
        }
        Row row = rows.iterator().next();
        String name = row.getString("name") != null ? row.getString("name") : displayName;
        return Optional.of(new Actor(row.getUUID("id"), Role.CUSTOMER, name, address));
    }

    private boolean seen(String key) {
        return pool.preparedQuery("SELECT 1 FROM inbound_mail WHERE message_id = $1").execute(Tuple.of(key))
                .await().atMost(STEP).size() > 0;
    }

    private long sentInLastHour(String sender) {
        return pool.preparedQuery("SELECT count(*) AS n FROM inbound_mail WHERE sender = $1 AND received_at > $2")
                .execute(Tuple.of(sender, utc(clock.instant().minus(Duration.ofHours(1)))))
                .await().atMost(STEP).iterator().next().getLong("n");
    }

    private boolean ownAddress(String sender) {
        if (sender.equalsIgnoreCase(config.mailbox().user())) {
            return true;
        }
        try {
            return sender.equalsIgnoreCase(new InternetAddress(config.from()).getAddress());
        } catch (AddressException misconfigured) {
            return false;
        }
    }

    /** The mail's subject for a new ticket (3–200 characters), else a made-up one. */
    private static String subject(InboundMail mail) {
        String subject = mail.subject() == null ? "" : mail.subject().strip();
        if (subject.length() < 3) {
            subject = "E-mail from " + (mail.senderName() != null ? mail.senderName() : mail.sender());
        }
        return truncate(subject, MAX_SUBJECT).strip();
    }

    // --- writing --------------------------------------------------------------------------------------

    private Uni<Integer> record(SqlClient db, String key, String sender, Outcome outcome, String detail, UUID ticketId,
            UUID messageId) {
        return db.preparedQuery(RECORD).execute(Tuple.tuple().addString(truncate(key, 1000)).addString(sender)
                        .addString(outcome.name()).addString(detail == null ? null : truncate(detail, 500))
                        .addUUID(ticketId).addUUID(messageId).addOffsetDateTime(utc(clock.instant())))
                .map(RowSet::rowCount);
    }

    private static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
