package com.logishift.support.notification.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.notification.SupportEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Queues an event's mail in the transaction that consumes the event: one row per (event, recipient),
 * so a redelivered event can never mail twice. Nothing is queued for someone without a known
 * address, with e-mail for the kind switched off, or no longer allowed in (rejected, deactivated).
 */
@ApplicationScoped
public class MailOutbox {

    private final MailConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public MailOutbox(MailConfig config, ObjectMapper json, Clock clock) {
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** The Message-ID of a mail about a ticket; ticket-service recognises replies by this shape. */
    public static String messageId(UUID ticketId, UUID mailId, String domain) {
        return "<t-" + ticketId + ".m-" + mailId + "@" + domain + ">";
    }

    public Uni<Void> queue(SqlConnection connection, SupportEvent event) {
        Optional<MailDraft> decided = MailRules.decide(event);
        if (decided.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        MailDraft draft = decided.get();
        UUID id = UUID.randomUUID();
        return connection.preparedQuery("""
                        INSERT INTO mail_outbox (id, event_id, kind, recipient_id, to_address, to_name, language,
                                                 ticket_id, reference, message_id, thread_id, data, next_attempt_at, created_at)
                        SELECT $1, $2, $3, d.id, d.email, d.name, COALESCE(s.language, 'en'), $5, $6, $7,
                               (SELECT o.message_id FROM mail_outbox o
                                 WHERE o.ticket_id = $5 AND o.recipient_id = d.id ORDER BY o.seq LIMIT 1),
                               $8::jsonb, $9, $9
                          FROM directory_account d
                          LEFT JOIN mail_setting s ON s.account_id = d.id
                         WHERE d.id = $4 AND d.email IS NOT NULL AND d.status NOT IN ('REJECTED', 'DEACTIVATED')
                           AND NOT EXISTS (SELECT 1 FROM preference p
                                            WHERE p.account_id = d.id AND p.kind = $3 AND NOT p.email)
                        ON CONFLICT (event_id, recipient_id) DO NOTHING""")
                .execute(Tuple.tuple().addUUID(id).addString(event.id()).addString(draft.kind().type)
                        .addUUID(draft.recipientId()).addUUID(draft.ticketId()).addString(draft.reference())
                        .addString(messageId(draft.ticketId(), id, config.domain())).addString(data(draft))
                        .addOffsetDateTime(clock.instant().atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    private String data(MailDraft draft) {
        try {
            return json.writeValueAsString(draft.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a mail's data", e);
        }
    }
}
