package com.logishift.support.ticket.rest;

import com.logishift.support.ticket.TicketStatus;
import jakarta.validation.constraints.NotNull;

public record UpdateStatusRequest(@NotNull(message = "is required") TicketStatus status) {
}
