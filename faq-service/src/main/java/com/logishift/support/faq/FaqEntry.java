package com.logishift.support.faq;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One language version of an FAQ topic. Versions that translate each other share a
 * {@link #topicKey}; {@link #category} and {@link #sortOrder} belong to the topic and are copied to
 * every translation when one of them is written. Only published entries are visible to readers.
 */
@Entity
@Table(name = "faq_entry")
public class FaqEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Shared by the translations of one topic, e.g. "damaged-parcel". */
    @Column(name = "topic_key", nullable = false)
    public String topicKey;

    /** ISO 639-1 code in lower case: "en", "de", "fr". */
    @Column(nullable = false)
    public String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FaqCategory category;

    @Column(nullable = false)
    public String question;

    /** Plain text or Markdown; clients render it without raw HTML. */
    @Column(nullable = false)
    public String answer;

    @Column(nullable = false)
    public boolean published;

    /** Position in lists (ascending); "order" in the API. */
    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    /** Maintained by the vote use case in SQL under a row lock; never written through this entity. */
    @Column(name = "helpful_count", insertable = false, updatable = false)
    public int helpfulCount;

    @Column(name = "not_helpful_count", insertable = false, updatable = false)
    public int notHelpfulCount;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static FaqEntry create(String topicKey, String language, FaqCategory category, String question,
            String answer, boolean published, int sortOrder, Instant now) {
        FaqEntry entry = new FaqEntry();
        entry.id = UUID.randomUUID();
        entry.createdAt = now;
        entry.revise(topicKey, language, category, question, answer, published, sortOrder, now);
        return entry;
    }

    /** Replaces the editable content; surrounding white space of the texts is not kept. */
    public void revise(String topicKey, String language, FaqCategory category, String question, String answer,
            boolean published, int sortOrder, Instant now) {
        this.topicKey = topicKey.strip();
        this.language = language.strip().toLowerCase(java.util.Locale.ROOT);
        this.category = category;
        this.question = question.strip();
        this.answer = answer.strip();
        this.published = published;
        this.sortOrder = sortOrder;
        this.updatedAt = now;
    }
}
