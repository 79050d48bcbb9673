package com.logishift.support.faq.rest;

import com.logishift.support.faq.FaqCategory;
import com.logishift.support.faq.FaqEntry;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An FAQ entry as admins see it: drafts too, with the version for optimistic locking. */
@Schema(name = "AdminFaqEntry")
public record AdminFaqEntryView(UUID id, String topicKey, String language, FaqCategory category, String question,
        String answer, boolean published, int order, int helpfulCount, int notHelpfulCount, Instant createdAt,
        Instant updatedAt,
        @Schema(description = "send it back in PUT to refuse overwriting someone else's change") long version) {

    public static AdminFaqEntryView of(FaqEntry e) {
        return new AdminFaqEntryView(e.id, e.topicKey, e.language, e.category, e.question, e.answer, e.published,
                e.sortOrder, e.helpfulCount, e.notHelpfulCount, e.createdAt, e.updatedAt, e.version);
    }
}
