package com.logishift.support.ticket.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AssignmentPolicyTest {

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();

    @Test
    void nobodyApprovedMeansTheQueue() {
        assertTrue(AssignmentPolicy.choose(List.of()).isEmpty());
    }

    @Test
    void fewestUnresolvedTicketsWins() {
        assertEquals(b, AssignmentPolicy.choose(List.of(
                new AgentLoad(a, 3, null, T0), new AgentLoad(b, 1, T0.plusSeconds(50), T0),
                new AgentLoad(c, 2, null, T0))).orElseThrow().agentId());
    }

    @Test
    void onATieWhoeverWaitedLongestWins() {
        assertEquals(a, AssignmentPolicy.choose(List.of(
                new AgentLoad(b, 1, T0.plusSeconds(20), T0), new AgentLoad(a, 1, T0.plusSeconds(10), T0)))
                .orElseThrow().agentId());
        assertEquals(c, AssignmentPolicy.choose(List.of(
                new AgentLoad(b, 1, T0.plusSeconds(20), T0), new AgentLoad(c, 1, null, T0.plusSeconds(99))))
                .orElseThrow().agentId(), "never assigned waited longest");
        assertEquals(a, AssignmentPolicy.choose(List.of(
                new AgentLoad(b, 0, null, T0.plusSeconds(5)), new AgentLoad(a, 0, null, T0)))
                .orElseThrow().agentId(), "then the earlier approval");
    }
}
