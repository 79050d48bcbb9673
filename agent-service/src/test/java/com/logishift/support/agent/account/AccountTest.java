package com.logishift.support.agent.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertTrue(agent.loginRefusal().orElseThrow().detail().contains("awaiting approval"));
        agent.reject(admin, "no references", NOW);
        assertTrue(agent.loginRefusal().orElseThrow().detail().contains("no references"));
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
    void deactivationIsForApprovedAgentsAndKillsTheirTokensForGood() {
        Account agent = account(Role.AGENT);
        assertThrows(AgentDecisionException.class, () -> agent.deactivate(admin, NOW), "pending");
        agent.approve(admin, NOW);
        assertThrows(AgentDecisionException.class, () -> agent.reactivate(admin, NOW), "not deactivated");

        assertTrue(agent.deactivate(admin, NOW.plusSeconds(10)));
        assertEquals(AccountStatus.DEACTIVATED, agent.status);
        assertEquals(NOW.plusSeconds(10), agent.tokensValidAfter);
        assertTrue(agent.revokes(NOW.plusSeconds(10).getEpochSecond()), "issued in the same second");
        assertFalse(agent.revokes(NOW.plusSeconds(11).getEpochSecond()));
        assertEquals("account-deactivated", agent.loginRefusal().orElseThrow().slug());
        assertFalse(agent.deactivate(UUID.randomUUID(), NOW.plusSeconds(20)), "deactivating twice is harmless");
        assertEquals(NOW.plusSeconds(10), agent.tokensValidAfter);
        assertThrows(AgentDecisionException.class, () -> agent.approve(admin, NOW), "reactivate instead");
        assertThrows(AgentDecisionException.class, () -> agent.reject(admin, "x", NOW));

        agent.reactivate(admin, NOW.plusSeconds(30));
        assertEquals(AccountStatus.APPROVED, agent.status);
        assertTrue(agent.loginRefusal().isEmpty());
        assertEquals(NOW.plusSeconds(10), agent.tokensValidAfter, "tokens from before stay dead");

        Account rejected = account(Role.AGENT);
        rejected.reject(admin, "no", NOW);
        assertThrows(AgentDecisionException.class, () -> rejected.deactivate(admin, NOW));
        assertThrows(AgentDecisionException.class, () -> account(Role.CUSTOMER).deactivate(admin, NOW));
    }
}
