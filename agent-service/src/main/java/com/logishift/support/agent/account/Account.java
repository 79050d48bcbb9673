package com.logishift.support.agent.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * An account of any role. The rules that change an account (agent approval, deactivation, who may
 * sign in) live here as plain Java so they can be unit-tested without Quarkus.
 */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String email;

    @Column(nullable = false)
    public String name;

    public String phone;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AccountStatus status;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "decided_by")
    public UUID decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /**
     * Tokens issued at or before this instant are refused everywhere (set when the agent is
     * deactivated and kept after a reactivation, so the old tokens stay dead).
     */
    @Column(name = "tokens_valid_after")
    public Instant tokensValidAfter;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** A new account; agents start pending, everyone else is active. */
    public static Account create(Role role, String name, String email, String phone, String passwordHash,
            Instant now) {
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.role = role;
        account.status = role == Role.AGENT ? AccountStatus.PENDING : AccountStatus.ACTIVE;
        account.name = name.strip();
        account.email = normalizeEmail(email);
        account.phone = phone == null || phone.isBlank() ? null : phone.strip();
        account.passwordHash = passwordHash;
        account.createdAt = now;
        account.updatedAt = now;
        return account;
    }

    public static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Approves an agent. Returns false when it was already approved (approving twice is harmless);
     * a rejected agent can be approved when an admin changes their mind.
     */
    public boolean approve(UUID adminId, Instant now) {
        requireAgent();
        if (status == AccountStatus.APPROVED) {
            return false;
        }
        if (status == AccountStatus.DEACTIVATED) {
            throw new AgentDecisionException("agent " + id + " is DEACTIVATED; reactivate them instead");
        }
        status = AccountStatus.APPROVED;
        rejectionReason = null;
        decide(adminId, now);
        return true;
    }

    /**
     * Rejects a pending agent. Returns false when it was already rejected; an approved agent cannot
     * be rejected (that would orphan the tickets assigned to them).
     */
    public boolean reject(UUID adminId, String reason, Instant now) {
        requireAgent();
        if (status == AccountStatus.REJECTED) {
            return false;
        }
        if (status == AccountStatus.APPROVED) {
            throw new AgentDecisionException("agent " + id + " is already approved and cannot be rejected");
        }
        if (status == AccountStatus.DEACTIVATED) {
            throw new AgentDecisionException("agent " + id + " is DEACTIVATED and cannot be rejected");
        }
        status = AccountStatus.REJECTED;
        rejectionReason = reason.strip();
        decide(adminId, now);
        return true;
    }

    /**
     * Takes an approved agent out of service: no sign-in, and every token issued so far is refused.
     * Returns false when they were already deactivated; anything but an approved agent is refused.
     */
    public boolean deactivate(UUID adminId, Instant now) {
        requireAgent();
        if (status == AccountStatus.DEACTIVATED) {
            return false;
        }
        if (status != AccountStatus.APPROVED) {
            throw new AgentDecisionException("agent " + id + " is " + status
                    + "; only an APPROVED agent can be deactivated");
        }
        status = AccountStatus.DEACTIVATED;
        tokensValidAfter = now;
        decide(adminId, now);
        return true;
    }

    /**
     * Puts a deactivated agent back into service. {@link #tokensValidAfter} stays: they sign in again
     * for a fresh token.
     */
    public void reactivate(UUID adminId, Instant now) {
        requireAgent();
        if (status != AccountStatus.DEACTIVATED) {
            throw new AgentDecisionException("agent " + id + " is " + status
                    + "; only a DEACTIVATED agent can be reactivated");
        }
        status = AccountStatus.APPROVED;
        decide(adminId, now);
    }

    private void requireAgent() {
        if (role != Role.AGENT) {
            throw new AgentDecisionException(
                    "account " + id + " is a " + role.group() + ", not an agent registration");
        }
    }

    private void decide(UUID adminId, Instant now) {
        decidedBy = adminId;
        decidedAt = now;
        updatedAt = now;
    }

    /** Whether a token of this account issued at {@code issuedAtSeconds} (its iat) is revoked. */
    public boolean revokes(long issuedAtSeconds) {
        return tokensValidAfter != null && !Instant.ofEpochSecond(issuedAtSeconds).isAfter(tokensValidAfter);
    }

    /** Why this account may not sign in even with the right password, if it may not. */
    public Optional<LoginRefusal> loginRefusal() {
        return switch (status) {
            case PENDING -> Optional.of(new LoginRefusal("account-not-active",
                    "Your agent registration is awaiting approval by an admin."));
            case REJECTED -> Optional.of(new LoginRefusal("account-not-active",
                    "Your agent registration was rejected" + (rejectionReason == null ? "." : ": " + rejectionReason)));
            case DEACTIVATED -> Optional.of(new LoginRefusal("account-deactivated",
                    "This account has been deactivated by an administrator."));
            case ACTIVE, APPROVED -> Optional.empty();
        };
    }

    /** A 403 at sign-in: {@code slug} ends the problem type, {@code detail} is shown to the person. */
    public record LoginRefusal(String slug, String detail) {
    }
}
