package com.logishift.support.ticket.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.kit.ProblemException;
import com.logishift.support.ticket.Actor;
import com.logishift.support.ticket.Category;
import com.logishift.support.ticket.Priority;
import com.logishift.support.ticket.Role;
import com.logishift.support.ticket.Ticket;
import com.logishift.support.ticket.TicketRuleException;
import com.logishift.support.ticket.TicketStatus;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The thread's rules without Quarkus: who may write what, and what a message does to its ticket. */
class MessagePolicyTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private final Actor customer = new Actor(UUID.randomUUID(), Role.CUSTOMER, "Carla", "c@example.com");
    private final Actor agent = new Actor(UUID.randomUUID(), Role.AGENT, "Alex", "a@example.com");
    private final Actor admin = new Actor(UUID.randomUUID(), Role.ADMIN, "Ada", "ad@example.com");

    private Ticket ticket(TicketStatus status, UUID assignee) {
        Ticket t = Ticket.open(1, customer, "Broken vase", "Crushed corner", Category.DAMAGED, Priority.HIGH, null, T0);
        t.status = status;
        t.assigneeId = assignee;
        return t;
    }

    @Test
    void customersWritePublicOnlyAndStaffMustSay() {
        assertEquals(Visibility.PUBLIC, MessagePolicy.visibility(customer, null));
        assertEquals(Visibility.PUBLIC, MessagePolicy.visibility(customer, Visibility.PUBLIC));
        TicketRuleException internal = assertThrows(TicketRuleException.class,
                () -> MessagePolicy.visibility(customer, Visibility.INTERNAL));
        assertEquals(403, internal.status());
        assertEquals("staff-only", internal.slug());
        ProblemException missing = assertThrows(ProblemException.class, () -> MessagePolicy.visibility(agent, null));
        assertEquals("visibility", missing.problem().errors().get(0).field());
        assertEquals(Visibility.INTERNAL, MessagePolicy.visibility(admin, Visibility.INTERNAL));
    }

    @Test
    void aBodyIsOneTo20000CharactersOnceStripped() {
        assertEquals("hello", MessagePolicy.body("  hello \n"));
        assertEquals(20_000, MessagePolicy.body(" " + "x".repeat(20_000) + " ").length());
        for (String bad : new String[] {null, "", " \n\t ", "x".repeat(20_001)}) {
            ProblemException e = assertThrows(ProblemException.class, () -> MessagePolicy.body(bad));
            assertEquals("body", e.problem().errors().get(0).field());
        }
    }

    @Test
    void aCustomerMessageReopensResolvedAndLeavesOnHoldAlone() {
        UUID assignee = agent.id();
        Ticket resolved = ticket(TicketStatus.RESOLVED, assignee);
        MessagePolicy.Effect effect = MessagePolicy.accept(resolved, customer, Visibility.PUBLIC, T0);
        assertEquals(TicketStatus.RESOLVED, effect.reopenedFrom());
        assertEquals(TicketStatus.IN_PROGRESS, resolved.status);

        Ticket queued = ticket(TicketStatus.RESOLVED, null);
        MessagePolicy.accept(queued, customer, Visibility.PUBLIC, T0);
        assertEquals(TicketStatus.OPEN, queued.status);

        Ticket onHold = ticket(TicketStatus.ON_HOLD, assignee);
        assertFalse(MessagePolicy.accept(onHold, customer, Visibility.PUBLIC, T0).reopened());
        assertEquals(TicketStatus.ON_HOLD, onHold.status);
    }

    @Test
    void staffMessagesNeverChangeTheStatusAndTheFirstPublicOneIsTheFirstResponse() {
        Ticket t = ticket(TicketStatus.RESOLVED, agent.id());
        assertFalse(MessagePolicy.accept(t, agent, Visibility.INTERNAL, T0).firstResponse(), "a note is no response");
        assertNull(t.firstResponseAt);
        assertTrue(MessagePolicy.accept(t, agent, Visibility.PUBLIC, T0.plusSeconds(5)).firstResponse());
        assertEquals(TicketStatus.RESOLVED, t.status);
        assertFalse(MessagePolicy.accept(t, admin, Visibility.PUBLIC, T0.plusSeconds(9)).firstResponse());
        assertEquals(T0.plusSeconds(5), t.firstResponseAt, "recorded once");
    }

    @Test
    void aClosedTicketTakesNoPublicMessageButStillTakesNotes() {
        Ticket t = ticket(TicketStatus.CLOSED, agent.id());
        TicketClosedException closed = assertThrows(TicketClosedException.class,
                () -> MessagePolicy.accept(t, customer, Visibility.PUBLIC, T0));
        assertEquals(t.id, closed.ticketId());
        assertThrows(TicketClosedException.class, () -> MessagePolicy.accept(t, agent, Visibility.PUBLIC, T0));
        assertFalse(MessagePolicy.accept(t, agent, Visibility.INTERNAL, T0).reopened());
        assertEquals(TicketStatus.CLOSED, t.status);
    }
}
