package com.logishift.support.faq.service;

import com.logishift.support.faq.FaqCategory;
import com.logishift.support.faq.FaqEntry;
import io.vertx.mutiny.sqlclient.Row;

/** Maps rows of {@code faq_entry} read with plain SQL to (unmanaged) entries. */
final class FaqRows {

    /** The columns {@link #entry(Row)} reads, for SELECT lists; {@code e} is the table alias. */
    static final String COLUMNS = "e.id, e.topic_key, e.language, e.category, e.question, e.answer, e.published, "
            + "e.sort_order, e.helpful_count, e.not_helpful_count, e.created_at, e.updated_at, e.version";

    private FaqRows() {
    }

    static FaqEntry entry(Row row) {
        FaqEntry e = new FaqEntry();
        e.id = row.getUUID("id");
        e.topicKey = row.getString("topic_key");
        e.language = row.getString("language");
        e.category = FaqCategory.valueOf(row.getString("category"));
        e.question = row.getString("question");
        e.answer = row.getString("answer");
        e.published = row.getBoolean("published");
        e.sortOrder = row.getInteger("sort_order");
        e.helpfulCount = row.getInteger("helpful_count");
        e.notHelpfulCount = row.getInteger("not_helpful_count");
        e.createdAt = row.getOffsetDateTime("created_at").toInstant();
        e.updatedAt = row.getOffsetDateTime("updated_at").toInstant();
        e.version = row.getLong("version");
        return e;
    }
}
