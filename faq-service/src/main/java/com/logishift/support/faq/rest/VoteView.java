package com.logishift.support.faq.rest;

import java.util.UUID;

/** The entry's counters after the caller's vote, and the vote itself. */
public record VoteView(UUID entryId, boolean helpful, int helpfulCount, int notHelpfulCount) {
}
