package com.logishift.support.ticket.merge;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.logishift.support.ticket.Actor;
import com.logishift.support.ticket.Category;
import com.logishift.support.ticket.Role;
import com.logishift.support.ticket.Ticket;
import com.logishift.support.ticket.TicketRuleException;
import com.logishift.support.ticket.TicketStatus;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The merge rules as plain Java: who may merge, and each refusal with its reason, in the order they are checked. */
class MergeRulesTest {

    private static final Instant T0 = Instant.parse("2026-12-06T09:00:00Z");
    private final Actor customer = new Actor(UUID.randomUUID(), Role.CUSTOMER, "Cleo", "cleo@example.com");
    private final Actor agent = new Actor(UUID.randomUUID(), Role.AGENT, "Ada", "ada@example.com");
    private final Actor admin = new Actor(UUID.randomUUID(), Role.ADMIN, "Root", "root@example.com");

    private Ticket ticket(Actor owner) {
        Ticket t = Ticket.open(1, owner, "Wet parcel", "Soaked.", Category.DAMAGED, null, "DLV-1", T0);
        t.assigneeId = agent.id();
        return t;
    }

    private MergeRules.Reason refusal(Ticket source, Ticket target, Actor actor) {
        return assertThrows(MergeRefusedException.class, () -> MergeRules.check(source, target, actor)).reason();
    }

    @Test
    void theAssigneeAndAdminsMergeOtherAgentsAndUnassignedTicketsAreForbidden() {
        Ticket source = ticket(customer);
        Ticket target = ticket(customer);
        assertDoesNotThrow(() -> MergeRules.check(source, target, agent));
        assertDoesNotThrow(() -> MergeRules.check(source, target, admin));
        Actor other = new Actor(UUID.randomUUID(), Role.AGENT, "Bob", null);
        TicketRuleException forbidden = assertThrows(TicketRuleException.class, () -> MergeRules.check(source, target, other));
        assertEquals(403, forbidden.status());
        assertEquals("not-assignee", forbidden.slug());
        source.assigneeId = null;
        assertThrows(TicketRuleException.class, () -> MergeRules.check(source, target, agent));
        assertDoesNotThrow(() -> MergeRules.check(source, target, admin));
    }

    @Test
    void eachRefusalNamesItsReason() {
        Ticket source = ticket(customer);
        assertEquals(MergeRules.Reason.SAME_TICKET, refusal(source, source, admin));
        assertEquals(MergeRules.Reason.DIFFERENT_CUSTOMER,
                refusal(source, ticket(new Actor(UUID.randomUUID(), Role.CUSTOMER, "Otto", null)), admin));

        Ticket mergedTarget = ticket(customer);
        mergedTarget.closeByMerge(UUID.randomUUID(), T0);
        assertEquals(MergeRules.Reason.TARGET_MERGED, refusal(source, mergedTarget, admin));
        Ticket closedTarget = ticket(customer);
        closedTarget.status = TicketStatus.CLOSED;
        assertEquals(MergeRules.Reason.TARGET_CLOSED, refusal(source, closedTarget, admin));

        Ticket closedSource = ticket(customer);
        closedSource.status = TicketStatus.CLOSED;
        assertEquals(MergeRules.Reason.SOURCE_CLOSED, refusal(closedSource, ticket(customer), admin));
        Ticket mergedSource = ticket(customer);
        mergedSource.closeByMerge(UUID.randomUUID(), T0);
        // merged (and so closed): the more telling reason
        assertEquals(MergeRules.Reason.ALREADY_MERGED, refusal(mergedSource, ticket(customer), admin));
    }

    @Test
    void aResolvedTargetTakesTheMerge() {
        Ticket target = ticket(customer);
        target.status = TicketStatus.RESOLVED;
        assertDoesNotThrow(() -> MergeRules.check(ticket(customer), target, admin));
    }

    @Test
    void closingByMergeClosesLikeAnyCloseAndPointsAtTheTarget() {
        Ticket source = ticket(customer);
        source.status = TicketStatus.ON_HOLD;
        UUID into = UUID.randomUUID();
        Instant at = T0.plusSeconds(60);
        assertEquals(TicketStatus.ON_HOLD, source.closeByMerge(into, at));
        assertEquals(TicketStatus.CLOSED, source.status);
        assertEquals(into, source.mergedIntoId);
        assertEquals(at, source.closedAt);
        assertEquals(at, source.updatedAt);
        assertNull(source.resolvedAt);
    }
}
