package com.logishift.support.faq.rest;

import jakarta.validation.constraints.NotNull;

/** {@code {helpful: true|false}}. */
public record VoteRequest(@NotNull(message = "is required") Boolean helpful) {
}
