package com.logishift.support.agent.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.agent.account.Account;
import com.logishift.support.kit.outbox.OutboxEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * Writes account events to the outbox. Call it inside the transaction that makes the change, so
 * the event exists exactly when the change does, and run that transaction with
 * {@code OutboxRelay.inTransaction}, which wakes the relay once it committed.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class AccountEvents {

    static final String AGGREGATE_TYPE = "account";

    private final ObjectMapper json;

    /** Data of {@code account.registered.v1}: every new account, the bootstrap admin included. */
    public record AccountRegistered(UUID accountId, String email, String name, String role, String status,
            Instant registeredAt) {
    }

    /** Data of {@code agent.approved.v1}. */
    public record AgentApproved(UUID accountId, String email, String name, UUID approvedBy, Instant approvedAt) {
    }

    /** Data of {@code agent.rejected.v1}. */
    public record AgentRejected(UUID accountId, String email, String name, String reason, UUID rejectedBy,
            Instant rejectedAt) {
    }

    /** Data of {@code agent.deactivated.v1}. */
    public record AgentDeactivated(UUID accountId, String email, String name, UUID deactivatedBy,
            Instant deactivatedAt) {
    }

    /** Data of {@code agent.reactivated.v1}. */
    public record AgentReactivated(UUID accountId, String email, String name, UUID reactivatedBy,
            Instant reactivatedAt) {
    }

    public Uni<Void> registered(Account a) {
        return append(AccountEventType.ACCOUNT_REGISTERED, a, new AccountRegistered(a.id, a.email, a.name,
                a.role.group(), a.status.name(), a.createdAt), a.createdAt);
    }

    public Uni<Void> approved(Account a) {
        return append(AccountEventType.AGENT_APPROVED, a,
                new AgentApproved(a.id, a.email, a.name, a.decidedBy, a.decidedAt), a.decidedAt);
    }

    public Uni<Void> rejected(Account a) {
        return append(AccountEventType.AGENT_REJECTED, a,
                new AgentRejected(a.id, a.email, a.name, a.rejectionReason, a.decidedBy, a.decidedAt), a.decidedAt);
    }

    public Uni<Void> deactivated(Account a) {
        return append(AccountEventType.AGENT_DEACTIVATED, a,
                new AgentDeactivated(a.id, a.email, a.name, a.decidedBy, a.decidedAt), a.decidedAt);
    }

    public Uni<Void> reactivated(Account a) {
        return append(AccountEventType.AGENT_REACTIVATED, a,
                new AgentReactivated(a.id, a.email, a.name, a.decidedBy, a.decidedAt), a.decidedAt);
    }

    private Uni<Void> append(AccountEventType type, Account account, Object data, Instant occurredAt) {
        return Uni.createFrom()
                .item(() -> OutboxEvent.of(json, AGGREGATE_TYPE, account.id.toString(), type.type(), data, occurredAt))
                .flatMap(event -> event.persist())
                .replaceWithVoid();
    }
}
