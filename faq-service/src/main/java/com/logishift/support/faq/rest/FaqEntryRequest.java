package com.logishift.support.faq.rest;

import com.logishift.support.faq.FaqCategory;
import com.logishift.support.faq.service.FaqEntryDraft;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of creating (POST) and replacing (PUT) an FAQ entry. */
@Schema(name = "FaqEntryRequest")
public record FaqEntryRequest(
        @Size(max = 80, message = "must be at most 80 characters")
        @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$",
                message = "must be lower-case letters and digits in words joined by '-', e.g. damaged-parcel")
        @Schema(description = "the topic this entry belongs to; its translations use the same key. Optional: when "
                + "absent, a create starts a new topic with a key made from the question (unique, at most 80 "
                + "characters) and a replace keeps the entry's key", examples = "damaged-parcel")
        String topicKey,
        @NotBlank(message = "is required")
        @Pattern(regexp = "^[a-z]{2}$", message = "must be a two-letter lower-case ISO 639-1 code such as en, de or fr")
        @Schema(examples = "en")
        String language,
        @NotNull(message = "is required")
        @Schema(description = "belongs to the topic: writing it changes it on every translation of the topic")
        FaqCategory category,
        @NotBlank(message = "is required") @Size(max = 300, message = "must be at most 300 characters")
        String question,
        @NotBlank(message = "is required") @Size(max = 20000, message = "must be at most 20000 characters")
        @Schema(description = "plain text or Markdown")
        String answer,
        @Schema(description = "readers see published entries only; default false (a draft) on create, "
                + "unchanged on PUT when absent")
        Boolean published,
        @Min(value = -1_000_000, message = "must be between -1000000 and 1000000")
        @Max(value = 1_000_000, message = "must be between -1000000 and 1000000")
        @Schema(description = "position in lists, ascending; belongs to the topic like category. When absent: "
                + "the topic's current order (0 for a new topic) on create, unchanged on PUT")
        Integer order,
        @Schema(description = "PUT only, optional: the version you edited; 409 when the entry changed since")
        Long version) {

    public FaqEntryDraft draft() {
        return new FaqEntryDraft(topicKey, language, category, question, answer, published, order, version);
    }
}
