package com.logishift.support.ticket.sla;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.kit.ProblemException;
import com.logishift.support.kit.UniqueViolations;
import com.logishift.support.ticket.Actor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;

/**
 * The versioned policy rows ({@code sla_policy}). A version never changes once written, so every
 * replica keeps the versions it has read in memory for good; only "which version is current" is
 * asked of the database (ticket creation asks it in the statement it already makes).
 */
@ApplicationScoped
@RequiredArgsConstructor
public class SlaPolicies {

    /** The current version, for statements that want it beside other columns. */
    public static final String CURRENT_VERSION_SQL = "(SELECT max(version) FROM sla_policy)";

    private static final String BY_VERSION = "SELECT version, policy::text AS policy, created_at FROM sla_policy"
            + " WHERE version = $1";

    // only when the caller read the current version: a stale PUT inserts nothing (409), and of two
    // PUTs of the same version the primary key lets one win. The document goes in as text that
    // PostgreSQL parses: a String bound to a jsonb parameter would be stored as one JSON string, which
    // only a restarted service (reading it back, not from its cache) found unreadable (V18 repairs those).
    private static final String INSERT_NEXT = """
            INSERT INTO sla_policy (version, policy, created_at, created_by)
            SELECT $1 + 1, $2::text::jsonb, $3, $4 WHERE %s = $1""".formatted(CURRENT_VERSION_SQL);

    private final Pool pool;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<Integer, SlaPolicy> versions = new ConcurrentHashMap<>();

    public Uni<SlaPolicy> current() {
        return pool.query("SELECT " + CURRENT_VERSION_SQL + " AS version").execute()
                .flatMap(rows -> version(rows.iterator().next().getInteger("version")));
    }

    /** One version, from memory once it has been read. */
    public Uni<SlaPolicy> version(int version) {
        SlaPolicy known = versions.get(version);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return pool.preparedQuery(BY_VERSION).execute(Tuple.of(version)).map(rows -> {
            if (rows.size() == 0) {
                throw new IllegalStateException("No SLA policy version " + version);
            }
            SlaPolicy policy = read(rows.iterator().next());
            versions.putIfAbsent(version, policy);
            return policy;
        });
    }

    /** Several versions (a page of tickets), each read at most once. */
    public Uni<Map<Integer, SlaPolicy>> versions(java.util.Collection<Integer> wanted) {
        java.util.Set<Integer> distinct = new java.util.TreeSet<>(wanted);
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Integer version : distinct) {
            all = all.flatMap(ignored -> version(version)).replaceWithVoid();
        }
        return all.map(ignored -> {
            Map<Integer, SlaPolicy> found = new java.util.HashMap<>();
            distinct.forEach(v -> found.put(v, versions.get(v)));
            return found;
        });
    }

    /** An admin's new policy, written as the version after {@code document.version()}; 409 when that is stale. */
    public Uni<SlaPolicy> replace(Actor admin, SlaPolicyDocument document) {
        if (document.version() == null) {
            throw ProblemException.invalidField("version", "is required: the version of the policy you read");
        }
        if (document.version() < 1 || document.version() >= Integer.MAX_VALUE) {
            throw conflict(document.version());
        }
        int read = document.version().intValue();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        SlaPolicy checked = SlaPolicyRules.check(read + 1, now, document);
        String body;
        try {
            body = json.writeValueAsString(checked.document());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise an SLA policy", e);
        }
        return pool.preparedQuery(INSERT_NEXT)
                .execute(Tuple.of(read, body, now.atOffset(ZoneOffset.UTC), admin.id()))
                .onFailure(UniqueViolations::isUniqueViolation).transform(failure -> conflict(document.version()))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw conflict(document.version());
                    }
                    versions.putIfAbsent(checked.version(), checked);
                    return checked;
                });
    }

    private static ProblemException conflict(long version) {
        return ProblemException.conflict("version-conflict", "The SLA policy has changed since version " + version
                + " was read; read it again and apply your change to the current version.");
    }

    private SlaPolicy read(Row row) {
        try {
            SlaPolicyDocument document = json.readValue(row.getString("policy"), SlaPolicyDocument.class);
            return SlaPolicyRules.check(row.getInteger("version"), row.getOffsetDateTime("created_at").toInstant(),
                    document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored SLA policy " + row.getInteger("version") + " does not parse", e);
        }
    }
}
