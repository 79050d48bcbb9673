package com.logishift.support.notification.mail;

import com.logishift.support.notification.SupportEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * Queues an event's mail in the transaction that consumes the event: one row per (event, recipient),
 * so a redelivered event can never mail twice. Nothing is queued for someone with e-mail for the kind
 * switched off. Address, name and language are the sender's to look up: the account's own event
 * may still be on its way (another topic) when the ticket's is applied.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class MailOutbox {

    private final MailConfig config;
    private final Clock clock;

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
        // not for someone who switched the kind off; the address is looked up when sending
        return connection.preparedQuery("""
                        INSERT INTO mail_outbox (id, event_id, kind, recipient_id, ticket_id, reference, message_id,
                                                 thread_id, data, next_attempt_at, created_at)
                        SELECT $1, $2, $3::text, $4, $5, $6, $7,
                               (SELECT o.message_id FROM mail_outbox o
                                 WHERE o.ticket_id = $5 AND o.recipient_id = $4 ORDER BY o.seq LIMIT 1),
                               $8::jsonb, $9, $9
                         WHERE NOT EXISTS (SELECT 1 FROM preference p
                                            WHERE p.account_id = $4 AND p.kind = $3::text AND NOT p.email)
                        ON CONFLICT (event_id, recipient_id) DO NOTHING""")
                .execute(Tuple.tuple().addUUID(id).addString(event.id()).addString(draft.kind().type)
                        .addUUID(draft.recipientId()).addUUID(draft.ticketId()).addString(draft.reference())
                        // a JsonObject: a String bound to jsonb would be stored as one JSON string
                        .addString(messageId(draft.ticketId(), id, config.domain()))
                        .addJsonObject(new JsonObject(new HashMap<>(draft.data())))
                        .addOffsetDateTime(clock.instant().atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }
}
