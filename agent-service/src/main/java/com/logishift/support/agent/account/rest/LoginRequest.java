package com.logishift.support.agent.account.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record LoginRequest(
        @NotBlank(message = "is required") @Size(max = 254, message = "must be at most 254 characters")
        String email,
        @NotNull(message = "is required") @Size(max = 1024, message = "must be at most 1024 characters")
        String password) {

    @Override
    public String toString() {
        return "LoginRequest[email=" + email + "]";
    }
}
