package com.logishift.support.ticket.rest;

import jakarta.validation.constraints.NotNull;

/** {@code {"intoTicketId": "…"}}: the ticket that stays (a UUID, checked by the resource: 400 naming the field). */
public record MergeRequest(@NotNull(message = "is required") String intoTicketId) {
}
