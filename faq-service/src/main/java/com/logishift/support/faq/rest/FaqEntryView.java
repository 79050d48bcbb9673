package com.logishift.support.faq.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.logishift.support.faq.FaqCategory;
import com.logishift.support.faq.FaqEntry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A published FAQ entry as readers see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FaqEntry")
public record FaqEntryView(
        UUID id,
        @Schema(description = "shared by the language versions of one topic") String topicKey,
        @Schema(description = "the language of this version; differs from the requested one when the topic "
                + "has no translation into it (fallback to English)", examples = "en") String language,
        FaqCategory category,
        String question,
        @Schema(description = "plain text or Markdown; render it without raw HTML") String answer,
        @Schema(description = "position in lists, ascending") int order,
        int helpfulCount,
        int notHelpfulCount,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "only in the single-entry response: the published language versions of this "
                + "topic, this one included") List<Translation> translations) {

    public static FaqEntryView of(FaqEntry e) {
        return of(e, null);
    }

    public static FaqEntryView of(FaqEntry e, List<Translation> translations) {
        return new FaqEntryView(e.id, e.topicKey, e.language, e.category, e.question, e.answer, e.sortOrder,
                e.helpfulCount, e.notHelpfulCount, e.createdAt, e.updatedAt, translations);
    }

    /** Another language version of the same topic. */
    public record Translation(String language, UUID id) {
    }
}
