package com.logishift.support.agent.account.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.logishift.support.agent.account.Account;
import java.time.Instant;
import java.util.UUID;

/** An account as the API shows it: never the password hash, never the lock-out counters. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountView(UUID id, String email, String name, String phone, String role, String status,
        String rejectionReason, Instant createdAt, Instant decidedAt) {

    public static AccountView of(Account a) {
        return new AccountView(a.id, a.email, a.name, a.phone, a.role.group(), a.status.name(),
                a.rejectionReason, a.createdAt, a.decidedAt);
    }
}
