package com.logishift.support.ticket.merge;

import java.time.Instant;
import java.util.UUID;

/** A ticket the staff view suggests as a merge target ({@code possibleDuplicates}). */
public record PossibleDuplicate(UUID id, String reference, String subject, String status, Instant createdAt) {
}
