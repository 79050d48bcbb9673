package com.logishift.support.ticket.rest;

import com.logishift.support.ticket.Priority;
import jakarta.validation.constraints.NotNull;

public record UpdatePriorityRequest(@NotNull(message = "is required") Priority priority) {
}
