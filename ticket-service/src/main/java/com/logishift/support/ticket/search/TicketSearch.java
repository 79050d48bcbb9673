package com.logishift.support.ticket.search;

import com.logishift.support.ticket.Actor;
import com.logishift.support.ticket.service.TicketDetails;
import com.logishift.support.ticket.service.TicketService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * Full-text search over tickets, in PostgreSQL (V12): the ticket's subject and description, its
 * messages, and pieces of its identifiers (reference, delivery id; for staff also the customer's name
 * and e-mail address). Who may see what is part of every statement — a customer's search reads only
 * their own tickets and PUBLIC messages, so neither a total, a rank nor a snippet can come from anything
 * else. Each part ranks its newest {@code support.search.window} matches (the index finds them whether
 * a word is rare or in half of all tickets); the hits are ordered by rank, newest first, id.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class TicketSearch {

    /** Snippets of a long text: two passages of up to 30 words. */
    private static final String PASSAGES = "MaxFragments=2, MaxWords=30, MinWords=10, FragmentDelimiter=\" … \"";
    private final Pool pool;
    private final TicketService tickets;
    private final SearchConfig config;

    /** A ticket found, with why: the fields that matched, as HTML-safe snippets. */
    public record Hit(TicketDetails details, List<Highlight> highlights) {
    }

    /** {@code capped}: a part had more matches than the window ranks, so {@code total} counts fewer than match. */
    public record Result(List<Hit> hits, long total, boolean capped) {
    }

    /**
     * A plan made for the words at hand, every time: a cached generic plan (after five executions of a
     * prepared statement) cannot know whether a word is rare or everywhere, and took seconds where the
     * custom plan takes milliseconds. Only in this read-only transaction.
     */
    private static final String CUSTOM_PLANS = "SET LOCAL plan_cache_mode = force_custom_plan";

    private record Found(List<UUID> ids, long total, boolean capped, Map<UUID, List<Highlight>> highlights) {
    }

    public Uni<Result> search(Actor actor, SearchQuery query, int page, int size) {
        Statement find = find(actor, query, page, size);
        Uni<Found> found = pool.withTransaction(tx -> tx.query(CUSTOM_PLANS).execute()
                .flatMap(ignored -> tx.preparedQuery(find.sql()).execute(find.parameters()))
                .flatMap(rows -> {
                    Row first = rows.iterator().next();
                    List<UUID> ids = new ArrayList<>();
                    List<Integer> messages = new ArrayList<>();
                    rows.forEach(row -> {
                        if (row.getUUID("id") != null) {
                            ids.add(row.getUUID("id"));
                            messages.add(row.getInteger("message_seq"));
                        }
                    });
                    Uni<Map<UUID, List<Highlight>>> highlights = ids.isEmpty() ? Uni.createFrom().item(Map.of())
                            : highlights(tx, actor, query, ids, messages);
                    return highlights.map(h -> new Found(ids, first.getLong("total"), first.getBoolean("capped"), h));
                }));
        // the tickets themselves once the connection is back in the pool (they take one of their own)
        return found.flatMap(f -> tickets.listed(f.ids()).map(details -> new Result(details.stream()
                .map(d -> new Hit(d, f.highlights().getOrDefault(d.ticket().id, List.of()))).toList(),
                f.total(), f.capped())));
    }

    /** A statement and its positional parameters, built together so that each $n names its value. */
    record Statement(String sql, Tuple parameters) {
    }

    private static final class Parameters {
        private final List<Object> values = new ArrayList<>();

        String add(Object value) {
            values.add(value);
            return "$" + values.size();
        }

        Tuple tuple() {
            return Tuple.from(values);
        }
    }

    /**
     * The page of ticket ids, each with the number ({@code seq}) of its best-ranked message found (the one
     * message snippet shown; null when none), the total and whether a window was full, in one statement.
     */
    Statement find(Actor actor, SearchQuery query, int page, int size) {
        Parameters p = new Parameters();
        String q = "support_search_query(" + p.add(query.text()) + ")";
        String window = p.add(config.window());
        boolean staff = actor.role().isStaff();
        // the caller's reach and the filters, on the ticket t
        StringBuilder scope = new StringBuilder();
        if (!staff) {
            scope.append(" AND t.customer_id = ").append(p.add(actor.id()));
        }
        query.status().ifPresent(v -> scope.append(" AND t.status = ").append(p.add(v.name())));
        query.category().ifPresent(v -> scope.append(" AND t.category = ").append(p.add(v.name())));
        query.priority().ifPresent(v -> scope.append(" AND t.priority = ").append(p.add(v.name())));
        query.assigneeId().ifPresent(v -> scope.append(" AND t.assignee_id = ").append(p.add(v)));
        String words = "numnode(" + q + ") > 0";
        String codes = p.add(SearchQuery.patterns(query.codes()).toArray(String[]::new));
        String exact = p.add(query.pieces().toArray(String[]::new));
        String identifiers = "t.reference ILIKE ANY (" + codes + ") OR t.delivery_id ILIKE ANY (" + codes + ")";
        String exactly = "lower(t.reference) = ANY (" + exact + ") OR lower(t.delivery_id) = ANY (" + exact + ")";
        if (staff) {
            String pieces = p.add(SearchQuery.patterns(query.pieces()).toArray(String[]::new));
            identifiers += " OR t.customer_email ILIKE ANY (" + pieces + ") OR support_fold(t.customer_name) LIKE ANY "
                    + "(support_fold(" + pieces + "::text[]))";
            exactly += " OR lower(t.customer_email) = ANY (" + exact + ")";
        }
        String visibility = staff ? "" : " AND m.visibility = 'PUBLIC'";
        // without a condition on the ticket, the ticket's date is looked up once per ticket in `ranked`,
        // and only for tickets the other parts did not find (a join made the planner hash the whole ticket
        // table for a rare word; a look-up per message found cost 1.7 ms for a lot word's 341 messages)
        String messages = scope.isEmpty() ? "ticket_message m" : "ticket_message m JOIN ticket t ON t.id = m.ticket_id";
        String ticketCreated = scope.isEmpty() ? "NULL::timestamptz" : "t.created_at";
        String sql = """
                WITH doc AS (
                    SELECT t.id, t.created_at, ts_rank(t.search_document, %1$s) AS rank
                      FROM ticket t
                     WHERE %2$s AND t.search_document @@ %1$s%3$s
                     ORDER BY t.created_at DESC, t.id DESC LIMIT %4$s),
                msg AS (
                    SELECT m.ticket_id AS id, m.seq, %10$s AS created_at,
                           ts_rank(m.search_document, %1$s) AS rank
                      FROM %11$s
                     WHERE %2$s AND m.search_document @@ %1$s%5$s%3$s
                     ORDER BY m.created_at DESC, m.id DESC LIMIT %4$s),
                ident AS (
                    SELECT t.id, t.created_at, CASE WHEN %6$s THEN 1.0 ELSE 0.4 END::real AS rank
                      FROM ticket t
                     WHERE (%7$s)%3$s
                     ORDER BY t.created_at DESC, t.id DESC LIMIT %4$s),
                ranked AS (
                    SELECT id, coalesce(max(created_at), (SELECT c.created_at FROM ticket c WHERE c.id = parts.id))
                               AS created_at, sum(rank) AS rank
                      FROM (SELECT id, created_at, rank FROM doc
                            UNION ALL SELECT id, max(created_at), max(rank) FROM msg GROUP BY id
                            UNION ALL SELECT id, created_at, rank FROM ident) parts
                     GROUP BY id)
                SELECT (SELECT count(*) FROM ranked) AS total,
                       (SELECT count(*) FROM doc) >= %4$s OR (SELECT count(*) FROM msg) >= %4$s
                           OR (SELECT count(*) FROM ident) >= %4$s AS capped,
                       hit.id,
                       (SELECT b.seq FROM msg b WHERE b.id = hit.id ORDER BY b.rank DESC, b.seq LIMIT 1) AS message_seq
                  FROM (SELECT 1) one
                  LEFT JOIN (SELECT id, rank, created_at FROM ranked
                              ORDER BY rank DESC, created_at DESC, id DESC
                              LIMIT %8$s OFFSET %9$s) hit ON true
                 ORDER BY hit.rank DESC, hit.created_at DESC, hit.id DESC
                """.formatted(q, words, scope, window, visibility, exactly, identifiers, p.add(size),
                p.add((long) page * size), ticketCreated, messages);
        return new Statement(sql, p.tuple());
    }

    /**
     * Why each ticket of the page matched: snippets of its fields and of its best-ranked message, in one
     * statement over the page's rows only (each {@code ts_headline} parses its text again: snippets of
     * every matching message once cost more database time than the search itself).
     */
    private Uni<Map<UUID, List<Highlight>>> highlights(SqlClient db, Actor actor, SearchQuery query, List<UUID> ids,
            List<Integer> messages) {
        boolean staff = actor.role().isStaff();
        // the messages are read by (ticket_id, seq), the index every conversation page reads too (more
        // likely cached than the id's); they come from the search's own statement, which applied the
        // access rule, and it is applied again here so this statement alone can never show a note to a
        // customer
        String snippets = """
                SELECT t.id, t.reference, t.delivery_id, t.customer_name, t.customer_email,
                       support_headline(t.subject, support_search_query($1), 'HighlightAll=true') AS subject,
                       support_headline(t.description, support_search_query($1), $4) AS description,
                       m.id AS message_id, support_headline(m.body, support_search_query($1), $4) AS message
                  FROM unnest($2::uuid[], $3::int[]) AS p(ticket_id, seq)
                  JOIN ticket t ON t.id = p.ticket_id
                  LEFT JOIN ticket_message m ON m.ticket_id = p.ticket_id AND m.seq = p.seq%s""".formatted(
                staff ? "" : " AND m.visibility = 'PUBLIC'");
        return db.preparedQuery(snippets)
                .execute(Tuple.of(query.text(), ids.toArray(UUID[]::new), messages.toArray(Integer[]::new), PASSAGES))
                .map(rows -> {
                    Map<UUID, List<Highlight>> found = new HashMap<>();
                    for (Row row : rows) {
                        List<Highlight> h = new ArrayList<>();
                        Highlight.add(h, "reference", Snippets.marking(row.getString("reference"), query.codes()));
                        Highlight.add(h, "subject", Snippets.fromHeadline(row.getString("subject")));
                        Highlight.add(h, "description", Snippets.fromHeadline(row.getString("description")));
                        String message = Snippets.fromHeadline(row.getString("message"));
                        if (message != null) {
                            h.add(new Highlight("message", row.getUUID("message_id"), message));
                        }
                        Highlight.add(h, "deliveryId", Snippets.marking(row.getString("delivery_id"), query.codes()));
                        if (staff) {
                            Highlight.add(h, "customerName",
                                    Snippets.marking(row.getString("customer_name"), query.pieces()));
                            Highlight.add(h, "customerEmail",
                                    Snippets.marking(row.getString("customer_email"), query.pieces()));
                        }
                        found.put(row.getUUID("id"), h);
                    }
                    return found;
                });
    }
}
