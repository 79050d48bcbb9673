package com.logishift.support.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.ticket.TicketRuleException.Kind;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TicketTest {

    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    private final Actor customer = new Actor(UUID.randomUUID(), Role.CUSTOMER, "Cleo", "cleo@example.com");
    private final Actor agent = new Actor(UUID.randomUUID(), Role.AGENT, "Ada", "ada@example.com");
    private final Actor otherAgent = new Actor(UUID.randomUUID(), Role.AGENT, "Bob", "bob@example.com");
    private final Actor admin = new Actor(UUID.randomUUID(), Role.ADMIN, "Root", "root@example.com");

    private Ticket ticket() {
        return Ticket.open(123, customer, "  Parcel arrived crushed ", "The box was flat.", Category.DAMAGED,
                null, " DLV-42 ", T0);
    }

    /** The call breaks a ticket rule of this kind (403 FORBIDDEN or 409 CONFLICT). */
    private static TicketRuleException refused(Kind kind, Executable call) {
        TicketRuleException e = assertThrows(TicketRuleException.class, call);
        assertEquals(kind, e.kind(), e.getMessage());
        return e;
    }

    @Test
    void openingSetsDefaultsAndTheReference() {
        Ticket t = ticket();
        assertEquals("SUP-000123", t.reference);
        assertEquals("Parcel arrived crushed", t.subject);
        assertEquals(Priority.MEDIUM, t.priority);
        assertEquals(TicketStatus.OPEN, t.status);
        assertEquals("DLV-42", t.deliveryId);
        assertNull(t.assigneeId);
    }

    @Test
    void customersSeeOnlyTheirOwnTicketsStaffSeeAll() {
        Ticket t = ticket();
        assertTrue(t.visibleTo(customer));
        assertFalse(t.visibleTo(new Actor(UUID.randomUUID(), Role.CUSTOMER, "Eve", null)));
        assertTrue(t.visibleTo(agent));
        assertTrue(t.visibleTo(admin));
    }

    @Test
    void thePriorityIsChangedByTheAssigneeOrAnAdminUntilTheTicketIsClosed() {
        Ticket t = ticket();
        t.assignTo(agent.id(), T0);
        refused(Kind.FORBIDDEN, () -> t.changePriority(Priority.HIGH, otherAgent, T0));
        assertEquals(Priority.MEDIUM, t.changePriority(Priority.HIGH, agent, T0.plusSeconds(5)));
        assertEquals(Priority.HIGH, t.priority);
        assertEquals(T0.plusSeconds(5), t.updatedAt);
        assertEquals(Priority.HIGH, t.changePriority(Priority.HIGH, admin, T0.plusSeconds(9)), "no change");
        assertEquals(T0.plusSeconds(5), t.updatedAt);
        t.takeBy(agent.id(), T0);
        t.changeStatus(TicketStatus.RESOLVED, agent, T0);
        t.acceptFeedback(T0);
        refused(Kind.CONFLICT, () -> t.changePriority(Priority.LOW, admin, T0));
    }

    @Test
    void takingAnOpenTicketStartsWork() {
        Ticket t = ticket();
        t.assignTo(otherAgent.id(), T0); // auto-assigned, not started: still takeable
        assertTrue(t.takeBy(agent.id(), T0.plusSeconds(60)));
        assertEquals(agent.id(), t.assigneeId);
        assertEquals(TicketStatus.IN_PROGRESS, t.status);
        assertNull(t.firstResponseAt, "the first response is the first public staff message, not taking it");
        assertFalse(t.takeBy(agent.id(), T0.plusSeconds(90)), "taking it again is harmless");
        TicketRuleException taken = refused(Kind.CONFLICT, () -> t.takeBy(otherAgent.id(), T0));
        assertTrue(taken.getMessage().contains("another agent"));
    }

    @Test
    void agentsMoveOnlyTheirOwnTicketsAdminsMoveAny() {
        Ticket t = ticket();
        t.takeBy(agent.id(), T0);
        refused(Kind.FORBIDDEN, () -> t.changeStatus(TicketStatus.ON_HOLD, otherAgent, T0));
        assertEquals(TicketStatus.IN_PROGRESS, t.changeStatus(TicketStatus.ON_HOLD, agent, T0));
        assertEquals(TicketStatus.ON_HOLD, t.changeStatus(TicketStatus.RESOLVED, admin, T0));
    }

    @Test
    void anIllegalMoveNamesTheCurrentStatusAndTheAllowedTargets() {
        Ticket t = ticket();
        t.takeBy(agent.id(), T0);
        TicketRuleException illegal = refused(Kind.CONFLICT, () -> t.changeStatus(TicketStatus.CLOSED, agent, T0));
        assertTrue(illegal.getMessage().contains("is IN_PROGRESS"), illegal.getMessage());
        assertTrue(illegal.getMessage().contains("allowed: ON_HOLD, RESOLVED"), illegal.getMessage());
    }

    @Test
    void startingAnUnassignedTicketNeedsAnAssignee() {
        Ticket t = ticket();
        TicketRuleException e = assertThrows(TicketRuleException.class,
                () -> t.changeStatus(TicketStatus.IN_PROGRESS, admin, T0));
        assertTrue(e.getMessage().contains("no assignee"));
    }

    @Test
    void resolveReopenResolveAndFeedbackKeepTheTimestampsRight() {
        Ticket t = ticket();
        t.takeBy(agent.id(), T0.plusSeconds(10));
        t.changeStatus(TicketStatus.RESOLVED, agent, T0.plusSeconds(100));
        assertEquals(1, t.resolutionCount);
        assertEquals(T0.plusSeconds(100), t.resolvedAt);
        t.changeStatus(TicketStatus.IN_PROGRESS, agent, T0.plusSeconds(200)); // reopen
        assertNull(t.resolvedAt);
        t.changeStatus(TicketStatus.RESOLVED, agent, T0.plusSeconds(300));
        assertEquals(2, t.resolutionCount);
        t.acceptFeedback(T0.plusSeconds(400));
        assertEquals(TicketStatus.CLOSED, t.status);
        assertEquals(T0.plusSeconds(400), t.closedAt);
        assertNotNull(t.resolvedAt);
        assertThrows(TicketRuleException.class, () -> t.acceptFeedback(T0.plusSeconds(500)), "closed is final");
    }

    @Test
    void feedbackOnlyWhenResolved() {
        Ticket t = ticket();
        TicketRuleException e = assertThrows(TicketRuleException.class, () -> t.acceptFeedback(T0));
        assertTrue(e.getMessage().contains("RESOLVED"));
    }

    @Test
    void onlyOpenTicketsGoBackToTheQueueAndClosedOnesStayPut() {
        Ticket t = ticket();
        t.assignTo(agent.id(), T0);
        assertEquals(agent.id(), t.unassign(T0));
        assertNull(t.assigneeId);
        assertNull(t.assignedAt);
        t.takeBy(agent.id(), T0);
        assertThrows(TicketRuleException.class, () -> t.unassign(T0));
        t.changeStatus(TicketStatus.RESOLVED, agent, T0);
        t.acceptFeedback(T0);
        assertThrows(TicketRuleException.class, () -> t.assignTo(otherAgent.id(), T0));
    }

    @Test
    void aCustomerMessageReopensAResolvedTicketToWhoeverHasIt() {
        Ticket t = ticket();
        t.takeBy(agent.id(), T0);
        t.changeStatus(TicketStatus.RESOLVED, agent, T0.plusSeconds(10));
        assertEquals(TicketStatus.RESOLVED, t.reopenByCustomerMessage(T0.plusSeconds(20)));
        assertEquals(TicketStatus.IN_PROGRESS, t.status);
        assertNull(t.resolvedAt);
        Ticket unassigned = ticket();
        unassigned.status = TicketStatus.RESOLVED;
        unassigned.reopenByCustomerMessage(T0);
        assertEquals(TicketStatus.OPEN, unassigned.status, "nobody has it: back to the queue");
        assertThrows(IllegalStateException.class, () -> t.reopenByCustomerMessage(T0));
    }
}
