package com.logishift.support.ticket.attachment;

import com.logishift.support.kit.ProblemException;
import com.logishift.support.ticket.Actor;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;

/**
 * Files: an upload belongs to its uploader alone until it is claimed, within the unclaimed lifetime
 * (1 h), for a new ticket or a message; then it belongs to that ticket and is readable by whoever may
 * read the ticket, except that files of INTERNAL messages are for staff only. Unclaimed uploads past
 * their lifetime are deleted by a periodic sweep.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class Attachments {

    private static final Logger LOG = Logger.getLogger(Attachments.class);
    static final String UNKNOWN_UPLOAD = "unknown or expired upload";

    private static final String CLAIM = """
            UPDATE attachment a
               SET ticket_id = $1, message_id = $2, claimed_at = $3, position = o.ord
              FROM unnest($4::uuid[]) WITH ORDINALITY AS o(id, ord)
             WHERE a.id = o.id AND a.uploader_id = $5 AND a.claimed_at IS NULL AND a.created_at > $6
            RETURNING a.id, a.filename, a.content_type, a.size, o.ord""";
    private static final String SWEEP = """
            DELETE FROM attachment WHERE id IN (
                SELECT id FROM attachment WHERE claimed_at IS NULL AND created_at <= $1
                 ORDER BY created_at LIMIT 500 FOR UPDATE SKIP LOCKED)
            RETURNING id""";

    private final Pool pool;
    private final AttachmentStore store;
    private final MalwareScanner scanner;
    private final AttachmentConfig config;
    private final Clock clock;
    private final Vertx vertx;
    private volatile long sweepTimer = -1;

    // --- what the conversation code calls, inside its own transaction ---------------------------------

    /**
     * In the caller's transaction (a plain SQL connection). Claims the caller's unclaimed, unexpired
     * uploads for a ticket (messageId null = attached at creation) or a message. Fails with
     * ProblemException 400 field attachmentIds if any id is not claimable, 413 …/too-many-attachments
     * above the per-message limit; the caller's transaction must then roll back (some rows may already
     * be updated in it). Returns refs in the given order.
     */
    public Uni<List<AttachmentRef>> claim(SqlClient tx, UUID uploaderId, List<UUID> ids, UUID ticketId,
            UUID messageId) {
        if (ids == null || ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        if (ids.size() > config.maxPerMessage()) {
            return Uni.createFrom().failure(tooMany(config.maxPerMessage(), ids.size()));
        }
        if (ids.stream().anyMatch(java.util.Objects::isNull)) {
            return Uni.createFrom().failure(ProblemException.invalidField("attachmentIds", "must not contain null"));
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            return Uni.createFrom().failure(ProblemException.invalidField("attachmentIds", "lists an upload twice"));
        }
        Instant now = clock.instant();
        Tuple parameters = Tuple.tuple().addUUID(ticketId).addUUID(messageId).addOffsetDateTime(utc(now))
                .addArrayOfUUID(ids.toArray(UUID[]::new)).addUUID(uploaderId)
                .addOffsetDateTime(utc(now.minus(config.unclaimedLifetime())));
        return tx.preparedQuery(CLAIM).execute(parameters).map(rows -> {
            if (rows.rowCount() != ids.size()) {
                throw ProblemException.invalidField("attachmentIds", UNKNOWN_UPLOAD);
            }
            AttachmentRef[] ordered = new AttachmentRef[ids.size()];
            for (Row row : rows) {
                ordered[row.getLong("ord").intValue() - 1] = ref(row);
            }
            return List.of(ordered);
        });
    }

    /** The files of each message that has any, in the order they were attached. */
    public Uni<Map<UUID, List<AttachmentRef>>> ofMessages(SqlClient db, Collection<UUID> messageIds) {
        if (messageIds == null || messageIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return db.preparedQuery("""
                SELECT message_id, id, filename, content_type, size FROM attachment
                 WHERE message_id = ANY($1) ORDER BY message_id, position""")
                .execute(Tuple.of(messageIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, List<AttachmentRef>> byMessage = new LinkedHashMap<>();
                    for (Row row : rows) {
                        byMessage.computeIfAbsent(row.getUUID("message_id"), k -> new ArrayList<>()).add(ref(row));
                    }
                    return byMessage;
                });
    }

    /** The files attached to the ticket when it was created (not those of its messages). */
    public Uni<List<AttachmentRef>> ofTicket(SqlClient db, UUID ticketId) {
        return db.preparedQuery("""
                SELECT id, filename, content_type, size FROM attachment
                 WHERE ticket_id = $1 AND message_id IS NULL ORDER BY position""")
                .execute(Tuple.of(ticketId))
                .map(rows -> {
                    List<AttachmentRef> refs = new ArrayList<>();
                    rows.forEach(row -> refs.add(ref(row)));
                    return refs;
                });
    }

    // --- upload and download --------------------------------------------------------------------------

    /** A stored upload as its uploader sees it. */
    public record Uploaded(UUID id, String filename, String contentType, long size, String sha256) {
    }

    /** A file to send back. */
    public record Download(String filename, String contentType, byte[] content) {
    }

    /**
     * Checks (size, type from the bytes, malware) and stores a file for its uploader. Blocking (the
     * type check and the scan): call it on a worker thread.
     */
    public Uni<Uploaded> upload(Actor uploader, String rawFilename, byte[] content) {
        if (content.length == 0) {
            throw ProblemException.invalidField("file", "is empty");
        }
        if (content.length > config.maxSize().asLongValue()) {
            throw ProblemException.of(413, "attachment-too-large", "Request entity too large",
                    "A file may be at most " + config.maxSize().asLongValue() + " bytes; this one has "
                            + content.length + ".");
        }
        String filename = Filenames.sanitise(rawFilename);
        String type = FileTypes.detect(content, filename);
        if (!config.allowedTypes().contains(type)) {
            throw ProblemException.of(415, "unsupported-media-type", "Unsupported media type",
                    "Files of type " + type + " are not accepted (judged by their content, not their name). "
                            + "Accepted: " + String.join(", ", config.allowedTypes()) + ".");
        }
        Optional<String> malware = scanner.scan(content);
        if (malware.isPresent()) {
            LOG.infof("Refused an upload by %s: clamd found %s", uploader.id(), malware.get());
            throw ProblemException.of(422, "malware-detected", "Unprocessable content",
                    "The file was refused: the malware scanner flagged it (" + malware.get() + ").");
        }
        Uploaded uploaded = new Uploaded(UUID.randomUUID(), filename, type, content.length, sha256(content));
        // the row first, then the bytes: the id is unknown to anyone until this answers, and a row whose
        // bytes never arrived is an unclaimed upload that the sweep removes
        return pool.preparedQuery("""
                INSERT INTO attachment (id, uploader_id, filename, content_type, size, sha256, created_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7)""")
                .execute(Tuple.tuple().addUUID(uploaded.id()).addUUID(uploader.id()).addString(filename)
                        .addString(type).addLong(uploaded.size()).addString(uploaded.sha256())
                        .addOffsetDateTime(utc(clock.instant())))
                .flatMap(ignored -> store.put(uploaded.id(), content)
                        .onFailure().call(failure -> pool.preparedQuery("DELETE FROM attachment WHERE id = $1")
                                .execute(Tuple.of(uploaded.id())).onFailure().recoverWithNull()))
                .replaceWith(uploaded);
    }

    /**
     * The file, for whoever may have it: its uploader while unclaimed (and unexpired); afterwards anyone
     * who may read the ticket, staff only for a file of an INTERNAL message. Anything else is 404, so
     * nobody learns that the id exists.
     */
    public Uni<Download> download(Actor caller, UUID id) {
        return pool.preparedQuery("""
                SELECT a.uploader_id, a.message_id, a.filename, a.content_type, a.claimed_at, a.created_at,
                       t.customer_id
                  FROM attachment a LEFT JOIN ticket t ON t.id = a.ticket_id
                 WHERE a.id = $1""")
                .execute(Tuple.of(id))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().failure(notFound());
                    }
                    Row row = rows.iterator().next();
                    return mayRead(caller, row).flatMap(allowed -> allowed
                            ? store.get(id).map(bytes -> {
                                if (bytes == null) {
                                    throw notFound();
                                }
                                return new Download(row.getString("filename"), row.getString("content_type"), bytes);
                            })
                            : Uni.createFrom().failure(notFound()));
                });
    }

    private Uni<Boolean> mayRead(Actor caller, Row row) {
        if (row.getOffsetDateTime("claimed_at") == null) {
            boolean fresh = row.getOffsetDateTime("created_at").toInstant()
                    .isAfter(clock.instant().minus(config.unclaimedLifetime()));
            return Uni.createFrom().item(fresh && caller.id().equals(row.getUUID("uploader_id")));
        }
        if (caller.role().isStaff()) {
            return Uni.createFrom().item(true);
        }
        if (!caller.id().equals(row.getUUID("customer_id"))) {
            return Uni.createFrom().item(false);
        }
        UUID messageId = row.getUUID("message_id");
        if (messageId == null) {
            return Uni.createFrom().item(true);
        }
        // the message table is the conversation's; a file of a message nobody can find stays hidden
        return pool.preparedQuery("SELECT visibility FROM ticket_message WHERE id = $1").execute(Tuple.of(messageId))
                .map(rows -> rows.size() == 1 && "PUBLIC".equals(rows.iterator().next().getString("visibility")));
    }

    // --- the sweep ------------------------------------------------------------------------------------

    void startSweeping(@Observes StartupEvent start) {
        sweepTimer = vertx.setPeriodic(config.sweepInterval().toMillis(), id -> sweep().subscribe().with(
                count -> {
                    if (count > 0) {
                        LOG.debugf("Deleted %d unclaimed uploads", count);
                    }
                },
                failure -> LOG.warnf("Could not delete unclaimed uploads (will retry): %s", failure.getMessage())));
    }

    void stopSweeping(@Observes ShutdownEvent stop) {
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
        }
    }

    /** Deletes (a batch of) unclaimed uploads past their lifetime; returns how many. Safe on every replica. */
    public Uni<Integer> sweep() {
        Instant cutoff = clock.instant().minus(config.unclaimedLifetime());
        return pool.withTransaction(tx -> tx.preparedQuery(SWEEP).execute(Tuple.of(utc(cutoff))))
                .flatMap(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getUUID("id")));
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (UUID id : ids) {
                        chain = chain.flatMap(v -> store.delete(id));
                    }
                    return chain.replaceWith(ids.size());
                });
    }

    // --- helpers --------------------------------------------------------------------------------------

    /** 413: more files on one message or ticket than {@code max}; the JSON reader and the claim both refuse so. */
    public static ProblemException tooMany(int max, int count) {
        return ProblemException.of(413, "too-many-attachments", "Too many attachments",
                "At most " + max + " files may be attached at once; " + count + " were given.");
    }

    private static AttachmentRef ref(Row row) {
        return new AttachmentRef(row.getUUID("id"), row.getString("filename"), row.getString("content_type"),
                row.getLong("size"));
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("No attachment with this id.");
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
