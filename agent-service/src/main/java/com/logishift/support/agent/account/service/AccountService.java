package com.logishift.support.agent.account.service;

import com.logishift.support.agent.account.Account;
import com.logishift.support.agent.account.AccountStatus;
import com.logishift.support.agent.account.AgentDecisionException;
import com.logishift.support.agent.account.Role;
import com.logishift.support.kit.Page;
import com.logishift.support.kit.ProblemException;
import com.logishift.support.kit.UniqueViolations;
import com.logishift.support.kit.outbox.OutboxRelay;
import com.logishift.support.agent.event.AccountEvents;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/** Account use cases; each public method is one transaction. */
@ApplicationScoped
@RequiredArgsConstructor
public class AccountService {

    private final PasswordHasher hasher;
    private final AccountEvents events;
    private final OutboxRelay outbox;
    private final Clock clock;

    /** Customer sign-up (ACTIVE), agent registration (PENDING) or the bootstrap admin, with its registered event. */
    public Uni<Account> register(Role role, String name, String email, String password, String phone) {
        if (!PasswordHasher.withinBcryptLimit(password)) {
            return Uni.createFrom().failure(ProblemException.invalidField("password",
                    "must be at most " + PasswordHasher.MAX_PASSWORD_BYTES + " bytes in UTF-8"));
        }
        String normalizedEmail = Account.normalizeEmail(email);
        // check first so a duplicate does not cost a bcrypt hash; the unique index settles races
        return Panache.withSession(() -> Account.count("email", normalizedEmail))
                .flatMap(existing -> existing > 0
                        ? Uni.createFrom().failure(duplicateEmail())
                        : hasher.hash(password))
                .flatMap(hash -> outbox.inTransaction(() -> {
                    Account account = Account.create(role, name, normalizedEmail, phone, hash, clock.instant());
                    return account.<Account>persist()
                            .flatMap(saved -> events.registered(account))
                            .replaceWith(account);
                }))
                .onFailure(UniqueViolations::isUniqueViolation).transform(e -> duplicateEmail());
    }

    public Uni<Account> find(UUID id) {
        return Panache.withSession(() -> Account.<Account>findById(id))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No account " + id));
    }

    public Uni<Account> approveAgent(UUID agentId, UUID adminId) {
        return decide(agentId, account -> account.approve(adminId, clock.instant())
                ? events.approved(account)
                : Uni.createFrom().voidItem());
    }

    public Uni<Account> rejectAgent(UUID agentId, UUID adminId, String reason) {
        return decide(agentId, account -> account.reject(adminId, reason, clock.instant())
                ? events.rejected(account)
                : Uni.createFrom().voidItem());
    }

    /** Deactivates an approved agent; deactivating twice is harmless (no second event). */
    public Uni<Account> deactivateAgent(UUID agentId, UUID adminId) {
        return decide(agentId, account -> account.deactivate(adminId, clock.instant())
                ? events.deactivated(account)
                : Uni.createFrom().voidItem());
    }

    public Uni<Account> reactivateAgent(UUID agentId, UUID adminId) {
        return decide(agentId, account -> {
            account.reactivate(adminId, clock.instant());
            return events.reactivated(account);
        });
    }

    /** Every account whose tokens up to some instant are revoked (deactivated agents, past and present). */
    public Uni<List<Account>> revocations() {
        return Panache.withSession(() -> Account.<Account>list("tokensValidAfter is not null"));
    }

    /** Agent registrations, oldest first; {@code status} narrows to one status. */
    public Uni<Page<Account>> listAgents(Optional<AccountStatus> status, int page, int size) {
        return Panache.withSession(() -> {
            PanacheQuery<Account> query = status
                    .map(s -> Account.<Account>find("role = ?1 and status = ?2",
                            Sort.by("createdAt").and("id"), Role.AGENT, s))
                    .orElseGet(() -> Account.find("role", Sort.by("createdAt").and("id"), Role.AGENT))
                    .page(page, size);
            return query.list().flatMap(items -> query.count()
                    .map(total -> new Page<>(items, total, page, size)));
        });
    }

    public Uni<Boolean> adminExists() {
        return Panache.withSession(() -> Account.count("role", Role.ADMIN)).map(count -> count > 0);
    }

    private Uni<Account> decide(UUID agentId, java.util.function.Function<Account, Uni<Void>> decision) {
        // row lock: two admins deciding at once are serialized, so approving twice stays harmless
        return outbox.inTransaction(() -> Account.<Account>findById(agentId, LockModeType.PESSIMISTIC_WRITE)
                        .onItem().ifNull().failWith(() -> ProblemException.notFound("No agent registration " + agentId))
                        .call(decision::apply))
                .onFailure(AgentDecisionException.class)
                .transform(e -> ProblemException.conflict("agent-decision", e.getMessage()));
    }

    private static ProblemException duplicateEmail() {
        return ProblemException.conflict("email-taken", "An account with this email already exists.");
    }
}
