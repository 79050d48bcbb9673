package com.logishift.support.agent.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final UUID admin = UUID.randomUUID();

    private static Account account(Role role) {
        return Account.create(role, "  Ada Lovelace ", " Ada@Example.COM ", " ", "hash", NOW);
    }

    @Test
    void newAccountsAreNormalizedAndAgentsStartPending() {
        Account customer = account(Role.CUSTOMER);
        assertEquals("ada@example.com", customer.email);
        assertEquals("Ada Lovelace", customer.name);
        assertNull(customer.phone);
        assertEquals(AccountStatus.ACTIVE, customer.status);
        assertEquals(AccountStatus.PENDING, account(Role.AGENT).status);
        assertEquals(AccountStatus.ACTIVE, account(Role.ADMIN).status);
    }

    @Test
    void pendingAndRejectedAgentsMayNotSignIn() {
        Account agent = account(Role.AGENT);
        assertTrue(agent.loginRefusal().orElseThrow().contains("awaiting approval"));
        agent.reject(admin, "no references", NOW);
        assertTrue(agent.loginRefusal().orElseThrow().contains("no references"));
        agent.approve(admin, NOW);
        assertTrue(agent.loginRefusal().isEmpty());
        assertNull(agent.rejectionReason);
    }

    @Test
    void approvingTwiceChangesNothingTheSecondTime() {
        Account agent = account(Role.AGENT);
        assertTrue(agent.approve(admin, NOW));
        assertFalse(agent.approve(UUID.randomUUID(), NOW.plusSeconds(5)));
        assertEquals(admin, agent.decidedBy);
        assertEquals(NOW, agent.decidedAt);
    }

    @Test
    void rejectingIsForPendingAgentsOnly() {
        Account agent = account(Role.AGENT);
        assertTrue(agent.reject(admin, "duplicate", NOW));
        assertFalse(agent.reject(admin, "again", NOW), "rejecting twice is harmless");
        assertEquals("duplicate", agent.rejectionReason);

        Account approved = account(Role.AGENT);
        approved.approve(admin, NOW);
        assertThrows(AgentDecisionException.class, () -> approved.reject(admin, "too late", NOW));
    }

    @Test
    void onlyAgentRegistrationsCanBeDecided() {
        assertThrows(AgentDecisionException.class, () -> account(Role.CUSTOMER).approve(admin, NOW));
        assertThrows(AgentDecisionException.class, () -> account(Role.ADMIN).reject(admin, "x", NOW));
    }

    @Test
    void repeatedFailuresLockSignInAndSuccessUnlocks() {
        LoginLockoutPolicy policy = new LoginLockoutPolicy(2, Duration.ofSeconds(30), Duration.ofMinutes(5));
        Account customer = account(Role.CUSTOMER);
        customer.recordFailedLogin(policy, NOW);
        assertEquals(Duration.ZERO, customer.lockRemaining(NOW));
        customer.recordFailedLogin(policy, NOW);
        assertEquals(Duration.ofSeconds(30), customer.lockRemaining(NOW));
        assertEquals(Duration.ofSeconds(10), customer.lockRemaining(NOW.plusSeconds(20)));
        assertEquals(Duration.ZERO, customer.lockRemaining(NOW.plusSeconds(31)));
        customer.recordSuccessfulLogin();
        assertEquals(0, customer.failedLogins);
        assertNull(customer.lockedUntil);
    }
}
