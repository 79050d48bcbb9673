package com.logishift.support.faq.service;

import com.logishift.support.faq.FaqCategory;
import com.logishift.support.faq.FaqEntry;
import com.logishift.support.faq.Language;
import com.logishift.support.faq.SearchText;
import com.logishift.support.kit.Page;
import com.logishift.support.kit.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * What readers see: published entries, one version per topic in the requested language or the
 * fallback language, optionally narrowed by a full-text search and a category.
 *
 * <p>Plain SQL on the reactive pool: the search needs PostgreSQL's text-search functions, and every
 * value travels as a bound parameter.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class FaqReadService {

    /*
     * The version of a topic a reader of $3 sees: $3's own, or — only when the topic has no published
     * $3 version — the fallback language's. $2 holds both languages (or just one when they are equal),
     * so each row is matched against the query parsed with its own language's stemmer.
     */
    private static final String VISIBLE = """
            e.published
              AND (e.language = $3 OR NOT EXISTS (
                    SELECT 1 FROM faq_entry t WHERE t.topic_key = e.topic_key AND t.language = $3 AND t.published))
              AND ($4::text IS NULL OR e.category = $4)""";

    /*
     * The query with synonyms (q.query) finds an entry; the reader's own words (q.original) count once
     * more, so that "broken parcel" ranks the entry saying "broken" above one saying only "damaged".
     */
    private static final String RANK =
            "ts_rank(e.search_vector, q.query, 1) + ts_rank(e.search_vector, q.original, 1)";

    /** A page of the matches, best first; equally good matches in the editors' order. */
    private static final String RANKED_PAGE = """
            , page AS (
                SELECT m.*, count(*) OVER () AS total FROM matches m
                ORDER BY m.rank DESC, m.sort_order, m.topic_key
                LIMIT $5 OFFSET $6
            )
            SELECT %s, p.total FROM page p JOIN faq_entry e ON e.id = p.id
            ORDER BY p.rank DESC, p.sort_order, p.topic_key""".formatted(FaqRows.COLUMNS);

    /*
     * Matching and ordering work on narrow rows (id and sort keys; for browsing they all come from the
     * covering index faq_entry_browse_idx). Only the rows of the requested page are read in full.
     */
    private static final String SEARCH_MATCHES = """
            WITH parsed AS (
                SELECT l AS language, websearch_to_tsquery(faq_regconfig(l), $1) AS original
                FROM unnest($2::text[]) AS l
            ), queries AS (
                SELECT language, original, faq_expand(language, original) AS query FROM parsed
            ), matches AS (
                SELECT e.id, e.sort_order, e.topic_key, %s AS rank
                FROM faq_entry e JOIN queries q ON q.language = e.language
                WHERE e.search_vector @@ q.query AND %s
            )
            """.formatted(RANK, VISIBLE);

    private static final String SEARCH_PAGE = SEARCH_MATCHES + RANKED_PAGE;

    private static final String SEARCH_COUNT = SEARCH_MATCHES + "SELECT count(*) AS total FROM matches";

    /*
     * The last resort when nothing matched in the reader's languages: every published language, each
     * topic once (its best-matching version). A German question asked with English selected finds the
     * German answers; each item's language says which it is. $2 and $3 are unused here (kept so that
     * every search shares parameter positions).
     */
    private static final String ANY_LANGUAGE_MATCHES = """
            WITH parsed AS (
                SELECT l AS language, websearch_to_tsquery(faq_regconfig(l), $1) AS original
                FROM (SELECT DISTINCT language AS l FROM faq_entry WHERE published) AS languages
                WHERE $2::text[] IS NOT NULL AND $3::text IS NOT NULL
            ), queries AS (
                SELECT language, original, faq_expand(language, original) AS query FROM parsed
            ), matches AS (
                SELECT DISTINCT ON (e.topic_key) e.id, e.sort_order, e.topic_key, %s AS rank
                FROM faq_entry e JOIN queries q ON q.language = e.language
                WHERE e.search_vector @@ q.query AND e.published AND ($4::text IS NULL OR e.category = $4)
                ORDER BY e.topic_key, rank DESC
            )
            """.formatted(RANK);

    private static final String ANY_LANGUAGE_PAGE = ANY_LANGUAGE_MATCHES + RANKED_PAGE;

    private static final String ANY_LANGUAGE_COUNT = ANY_LANGUAGE_MATCHES + "SELECT count(*) AS total FROM matches";

    /** $1 (the search text) is null here; referenced so that browse and search share parameter positions. */
    private static final String BROWSE_MATCHES = """
            WITH matches AS (
                SELECT e.id, e.sort_order, e.topic_key FROM faq_entry e
                WHERE $1::text IS NULL AND e.language = ANY($2::text[]) AND %s
            )
            """.formatted(VISIBLE);

    private static final String BROWSE_PAGE = BROWSE_MATCHES + """
            , page AS (
                SELECT m.*, count(*) OVER () AS total FROM matches m
                ORDER BY m.sort_order, m.topic_key
                LIMIT $5 OFFSET $6
            )
            SELECT %s, p.total FROM page p JOIN faq_entry e ON e.id = p.id
            ORDER BY p.sort_order, p.topic_key""".formatted(FaqRows.COLUMNS);

    private static final String BROWSE_COUNT = BROWSE_MATCHES + "SELECT count(*) AS total FROM matches";

    private static final String PUBLISHED_BY_ID =
            "SELECT " + FaqRows.COLUMNS + " FROM faq_entry e WHERE e.id = $1 AND e.published";

    private static final String PUBLISHED_TRANSLATIONS =
            "SELECT language, id FROM faq_entry WHERE topic_key = $1 AND published ORDER BY language";

    private final Pool pool;

    /**
     * One page of what a reader of {@code language} sees. With a search text (synonyms expanded),
     * entries matching all its words come first by rank; when none does, entries matching any of its
     * words are returned; when still none does, the same two searches run over every language.
     */
    public Uni<Page<FaqEntry>> list(Optional<SearchText> search, Optional<FaqCategory> category, String language,
            String fallbackLanguage, int page, int size, long offset) {
        String[] languages = Language.preference(language, fallbackLanguage).toArray(String[]::new);
        String categoryName = category.map(Enum::name).orElse(null);
        if (search.isEmpty()) {
            return page(BROWSE_PAGE, BROWSE_COUNT, null, languages, language, categoryName, page, size, offset);
        }
        SearchText text = search.get();
        // all words in the reader's languages; else any word; else the same in every language
        return firstFound(text, List.of(SEARCH_PAGE, ANY_LANGUAGE_PAGE), List.of(SEARCH_COUNT, ANY_LANGUAGE_COUNT),
                0, languages, language, categoryName, page, size, offset);
    }

    private Uni<Page<FaqEntry>> firstFound(SearchText text, List<String> pages, List<String> counts, int stage,
            String[] languages, String language, String category, int page, int size, long offset) {
        int scope = stage / 2;
        String query = stage % 2 == 0 ? text.allWords() : text.anyWord();
        return page(pages.get(scope), counts.get(scope), query, languages, language, category, page, size, offset)
                .flatMap(result -> {
                    int next = stage + (stage % 2 == 0 && !text.hasFallback() ? 2 : 1);
                    return result.total() > 0 || next >= 2 * pages.size()
                            ? Uni.createFrom().item(result)
                            : firstFound(text, pages, counts, next, languages, language, category, page, size, offset);
                });
    }

    /** A published entry with the languages its topic is published in; 404 for drafts and unknown ids. */
    public Uni<EntryWithTranslations> findPublished(UUID id) {
        return pool.preparedQuery(PUBLISHED_BY_ID).execute(Tuple.of(id))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().failure(ProblemException.notFound("No published FAQ entry " + id));
                    }
                    FaqEntry entry = FaqRows.entry(rows.iterator().next());
                    return pool.preparedQuery(PUBLISHED_TRANSLATIONS).execute(Tuple.of(entry.topicKey))
                            .map(translations -> new EntryWithTranslations(entry, translations(translations)));
                });
    }

    private Uni<Page<FaqEntry>> page(String pageSql, String countSql, String query, String[] languages,
            String language, String category, int page, int size, long offset) {
        Tuple params = Tuple.of(query, languages, language, category);
        return pool.preparedQuery(pageSql).execute(params.addInteger(size).addLong(offset))
                .flatMap(rows -> {
                    List<FaqEntry> items = new ArrayList<>(rows.size());
                    long total = 0;
                    for (Row row : rows) {
                        items.add(FaqRows.entry(row));
                        total = row.getLong("total");
                    }
                    if (!items.isEmpty() || offset == 0) {
                        return Uni.createFrom().item(new Page<>(items, total, page, size));
                    }
                    // past the last page: the window count is gone with the rows, count separately
                    return pool.preparedQuery(countSql).execute(Tuple.of(query, languages, language, category))
                            .map(count -> new Page<>(items, count.iterator().next().getLong("total"), page, size));
                });
    }

    private static List<Translation> translations(RowSet<Row> rows) {
        List<Translation> list = new ArrayList<>(rows.size());
        for (Row row : rows) {
            list.add(new Translation(row.getString("language"), row.getUUID("id")));
        }
        return list;
    }

    /** Another language of the same topic. */
    public record Translation(String language, UUID id) {
    }

    public record EntryWithTranslations(FaqEntry entry, List<Translation> translations) {
    }
}
