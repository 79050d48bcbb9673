package com.logishift.support.faq.service;

import com.logishift.support.faq.FaqCategory;
import com.logishift.support.faq.FaqEntry;
import com.logishift.support.faq.TopicKeys;
import com.logishift.support.kit.Page;
import com.logishift.support.kit.ProblemException;
import com.logishift.support.kit.UniqueViolations;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/** Admin management of FAQ entries, drafts included; each public method is one transaction. */
@ApplicationScoped
@RequiredArgsConstructor
public class FaqAdminService {

    private final Clock clock;

    /** Every entry matching the filters, in list order, then by topic and language. */
    public Uni<Page<FaqEntry>> list(Optional<String> language, Optional<FaqCategory> category,
            Optional<Boolean> published, Optional<String> topicKey, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        equalTo("language", language, where, params);
        equalTo("category", category, where, params);
        equalTo("published", published, where, params);
        equalTo("topicKey", topicKey, where, params);
        Sort sort = Sort.by("sortOrder").and("topicKey").and("language");
        return Panache.withSession(() -> {
            PanacheQuery<FaqEntry> query = (where.isEmpty()
                    ? FaqEntry.<FaqEntry>findAll(sort)
                    : FaqEntry.<FaqEntry>find(String.join(" and ", where), sort, params))
                    .page(page, size);
            return query.list().flatMap(items -> query.count().map(total -> new Page<>(items, total, page, size)));
        });
    }

    public Uni<FaqEntry> find(UUID id) {
        return Panache.withSession(() -> FaqEntry.<FaqEntry>findById(id))
                .onItem().ifNull().failWith(() -> notFound(id));
    }

    /** A new entry (a draft unless published is true); category and order also apply to its translations. */
    public Uni<FaqEntry> create(FaqEntryDraft request) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> topicKeyFor(request).flatMap(topicKey ->
                        requireFree(topicKey, request.language(), null)
                        .flatMap(free -> topicOrder(topicKey))
                        .flatMap(topicOrder -> {
                            int order = request.order() != null ? request.order() : topicOrder.orElse(0);
                            FaqEntry entry = FaqEntry.create(topicKey, request.language(),
                                    request.category(), request.question(), request.answer(),
                                    Boolean.TRUE.equals(request.published()), order, now);
                            return entry.<FaqEntry>persist()
                                    .call(saved -> alignTranslations(entry, now));
                        })))
                .onFailure(UniqueViolations::isUniqueViolation).transform(e -> taken(request.topicKey(), request));
    }

    /**
     * The key the admin gave, or for a new topic one made from the question: its words as a slug,
     * numbered ("-2", "-3" …) when another topic already uses it.
     */
    private static Uni<String> topicKeyFor(FaqEntryDraft request) {
        if (request.topicKey() != null) {
            return Uni.createFrom().item(request.topicKey().strip());
        }
        String base = TopicKeys.slug(request.question());
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                                "SELECT DISTINCT topic_key FROM faq_entry WHERE topic_key = :base OR topic_key LIKE :numbered",
                                String.class)
                        .setParameter("base", base)
                        .setParameter("numbered", base + "-%")
                        .getResultList())
                .map(taken -> TopicKeys.firstFree(base, java.util.Set.copyOf(taken)));
    }

    /**
     * Replaces an entry's content. Absent {@code published} and {@code order} keep their values; a
     * given {@code version} that is not the current one is refused (someone else saved in between).
     */
    public Uni<FaqEntry> update(UUID id, FaqEntryDraft request) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> FaqEntry.<FaqEntry>findById(id)
                        .onItem().ifNull().failWith(() -> notFound(id))
                        .call(entry -> {
                            if (request.version() != null && request.version() != entry.version) {
                                return Uni.createFrom().failure(ProblemException.conflict("concurrent-update",
                                        "Entry " + id + " was changed since version " + request.version()
                                                + " (now " + entry.version + "); reload it and try again."));
                            }
                            return requireFree(topicKeyOf(request, entry), request.language(), id);
                        })
                        .call(entry -> {
                            boolean published = request.published() != null ? request.published() : entry.published;
                            int order = request.order() != null ? request.order() : entry.sortOrder;
                            entry.revise(topicKeyOf(request, entry), request.language(), request.category(),
                                    request.question(), request.answer(), published, order, now);
                            return alignTranslations(entry, now);
                        })
                        // flush inside the transaction, so the response shows the new version
                        .call(entry -> Panache.getSession().flatMap(session -> session.flush())))
                .onFailure(UniqueViolations::isUniqueViolation).transform(e -> taken(request.topicKey(), request));
    }

    /** A replace without a topic key keeps the entry in its topic. */
    private static String topicKeyOf(FaqEntryDraft request, FaqEntry entry) {
        return request.topicKey() != null ? request.topicKey().strip() : entry.topicKey;
    }

    public Uni<Void> delete(UUID id) {
        return Panache.withTransaction(() -> FaqEntry.deleteById(id))
                .flatMap(deleted -> deleted ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(notFound(id)));
    }

    /** 409 when another entry already is this topic's version in this language. */
    private static Uni<Void> requireFree(String topicKey, String language, UUID except) {
        Uni<Long> others = except == null
                ? FaqEntry.count("topicKey = ?1 and language = ?2", topicKey.strip(), language.strip())
                : FaqEntry.count("topicKey = ?1 and language = ?2 and id <> ?3", topicKey.strip(), language.strip(),
                        except);
        return others.flatMap(count -> count > 0
                ? Uni.createFrom().failure(ProblemException.conflict("translation-exists",
                        "Topic " + topicKey.strip() + " already has a " + language.strip()
                                + " version; edit that entry instead."))
                : Uni.createFrom().voidItem());
    }

    /** The order the topic's existing translations use, if it has any. */
    private static Uni<Optional<Integer>> topicOrder(String topicKey) {
        return FaqEntry.<FaqEntry>find("topicKey", Sort.by("createdAt"), topicKey.strip()).firstResult()
                .map(sibling -> Optional.ofNullable(sibling).map(s -> s.sortOrder));
    }

    /** category and order belong to the topic: copy them to the entry's translations that differ. */
    private static Uni<Integer> alignTranslations(FaqEntry entry, Instant now) {
        return FaqEntry.update("category = ?1, sortOrder = ?2, updatedAt = ?3, version = version + 1 "
                        + "where topicKey = ?4 and id <> ?5 and (category <> ?1 or sortOrder <> ?2)",
                entry.category, entry.sortOrder, now, entry.topicKey, entry.id);
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No FAQ entry " + id);
    }

    private static ProblemException taken(String topicKey, FaqEntryDraft request) {
        if (topicKey == null) {
            // a key derived from the question was taken by a concurrent create in between
            return ProblemException.conflict("translation-exists", "Another entry with the same question was "
                    + "created at the same time; reload the list and try again.");
        }
        return ProblemException.conflict("translation-exists", "Topic " + topicKey.strip()
                + " already has a " + request.language().strip() + " version; edit that entry instead.");
    }

    /** A filter {@code field = value} where a value is given. */
    private static void equalTo(String field, Optional<?> value, List<String> where, Map<String, Object> params) {
        value.ifPresent(v -> {
            where.add(field + " = :" + field);
            params.put(field, v);
        });
    }
}
