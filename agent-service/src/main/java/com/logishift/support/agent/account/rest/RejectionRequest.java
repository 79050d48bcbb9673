package com.logishift.support.agent.account.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of an agent rejection; the reason is shown to the agent when they try to sign in. */
public record RejectionRequest(
        @NotBlank(message = "is required") @Size(max = 1000, message = "must be at most 1000 characters")
        String reason) {
}
