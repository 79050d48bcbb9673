package com.logishift.support.faq.service;

import com.logishift.support.faq.FaqCategory;

/**
 * What an admin writes into an entry (create, or replace with {@code version}); the web body
 * ({@code rest/FaqEntryRequest}) carries the same fields and validates them. Absent optional
 * fields are null.
 */
public record FaqEntryDraft(String topicKey, String language, FaqCategory category, String question, String answer,
        Boolean published, Integer order, Long version) {
}
