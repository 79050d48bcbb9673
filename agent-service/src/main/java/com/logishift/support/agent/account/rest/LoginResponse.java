package com.logishift.support.agent.account.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The seed's login answer: snake_case on purpose, it is what the logiShift frontend reads. */
public record LoginResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        String role) {
}
