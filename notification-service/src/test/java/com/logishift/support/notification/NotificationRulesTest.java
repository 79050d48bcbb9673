package com.logishift.support.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's "who is notified" table, row by row: exactly these recipients, nobody else. */
class NotificationRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final UUID customer = UUID.randomUUID();
    private final UUID agent = UUID.randomUUID();
    private final UUID otherAgent = UUID.randomUUID();
    private final UUID admin = UUID.randomUUID();
    private final UUID ticket = UUID.randomUUID();
    private final Directory directory = new Directory(Set.of(agent, otherAgent), Set.of(admin),
            Map.of(agent, "Ada", otherAgent, "Bob", admin, "Root"));

    private Set<UUID> recipients(String type, String data) throws Exception {
        return NotificationRules.draftsFor(new SupportEvent("e1", "com.logishift.support." + type + ".v1",
                JSON.readTree(data)), directory).stream().map(Draft::recipientId).collect(Collectors.toSet());
    }

    private String ticketData(String extra) {
        return "{\"ticketId\":\"" + ticket + "\",\"reference\":\"SUP-000123\",\"customerId\":\"" + customer + "\"" + extra + "}";
    }

    @Test
    void ticketCreatedGoesToApprovedAgentsAndAdmins() throws Exception {
        assertEquals(Set.of(agent, otherAgent, admin), recipients("ticket.created",
                ticketData(",\"subject\":\"Crushed box\",\"category\":\"DAMAGED\",\"priority\":\"HIGH\"")));
    }

    @Test
    void assignedGoesToCustomerNewAssigneeAndAdmins() throws Exception {
        assertEquals(Set.of(customer, agent, admin), recipients("ticket.assigned",
                ticketData(",\"assigneeId\":\"" + agent + "\",\"previousAssigneeId\":\"" + otherAgent + "\",\"mode\":\"ADMIN\"")));
    }

    @Test
    void statusChangedGoesToCustomerAssigneeAndAdminsWithAReadableTitle() throws Exception {
        SupportEvent event = new SupportEvent("e2", "com.logishift.support.ticket.status-changed.v1", JSON.readTree(
                ticketData(",\"assigneeId\":\"" + agent + "\",\"from\":\"OPEN\",\"to\":\"IN_PROGRESS\"")));
        var drafts = NotificationRules.draftsFor(event, directory);
        assertEquals(Set.of(customer, agent, admin), drafts.stream().map(Draft::recipientId).collect(Collectors.toSet()));
        assertEquals("Ticket SUP-000123 is now In progress", drafts.get(0).title());
        assertEquals(ticket, drafts.get(0).ticketId());
    }

    @Test
    void noteAddedGoesToTheAssigneeOnlyWhenSomeoneElseWroteIt() throws Exception {
        assertEquals(Set.of(agent, admin), recipients("ticket.note-added",
                ticketData(",\"noteId\":\"" + UUID.randomUUID() + "\",\"authorId\":\"" + otherAgent + "\",\"assigneeId\":\"" + agent + "\"")));
        assertEquals(Set.of(admin), recipients("ticket.note-added",
                ticketData(",\"noteId\":\"" + UUID.randomUUID() + "\",\"authorId\":\"" + agent + "\",\"assigneeId\":\"" + agent + "\"")));
    }

    @Test
    void feedbackGoesToTheAssigneeAndAdmins() throws Exception {
        assertEquals(Set.of(agent, admin), recipients("ticket.feedback-submitted",
                ticketData(",\"assigneeId\":\"" + agent + "\",\"rating\":4")));
    }

    @Test
    void agentRegistrationGoesToAdminsAndDecisionsToThatAgent() throws Exception {
        UUID newcomer = UUID.randomUUID();
        assertEquals(Set.of(admin), recipients("account.registered",
                "{\"accountId\":\"" + newcomer + "\",\"role\":\"agent\",\"status\":\"PENDING\",\"name\":\"Nia\"}"));
        assertEquals(Set.of(), recipients("account.registered",
                "{\"accountId\":\"" + newcomer + "\",\"role\":\"customer\",\"status\":\"ACTIVE\",\"name\":\"Cleo\"}"));
        assertEquals(Set.of(newcomer), recipients("agent.approved", "{\"accountId\":\"" + newcomer + "\"}"));
        assertEquals(Set.of(newcomer), recipients("agent.rejected", "{\"accountId\":\"" + newcomer + "\",\"reason\":\"x\"}"));
    }

    @Test
    void unknownTypesAndMissingFieldsAreMalformed() {
        assertThrows(SupportEvent.MalformedEventException.class, () -> recipients("ticket.exploded", ticketData("")));
        assertThrows(SupportEvent.MalformedEventException.class, () -> recipients("ticket.created", "{\"ticketId\":\"x\"}"));
        assertThrows(SupportEvent.MalformedEventException.class, () -> recipients("agent.approved", "{\"accountId\":\"not-a-uuid\"}"));
    }

    @Test
    void labelsAreHumanReadable() {
        assertEquals("In progress", NotificationRules.label("IN_PROGRESS"));
        assertEquals("On hold", NotificationRules.label("ON_HOLD"));
        assertTrue(NotificationRules.label("CLOSED").equals("Closed"));
    }

    @Test
    void aDeactivationOrReactivationGoesToTheAdminsExceptTheOneWhoDidIt() throws Exception {
        UUID otherAdmin = UUID.randomUUID();
        Directory twoAdmins = new Directory(Set.of(otherAgent), Set.of(admin, otherAdmin), Map.of(admin, "Root"));
        for (String what : new String[] {"deactivated", "reactivated"}) {
            SupportEvent event = new SupportEvent("e-" + what, "com.logishift.support.agent." + what + ".v1",
                    JSON.readTree("{\"accountId\":\"" + agent + "\",\"name\":\"Ada\",\"" + what + "By\":\"" + admin + "\"}"));
            var drafts = NotificationRules.draftsFor(event, twoAdmins);
            assertEquals(Set.of(otherAdmin), drafts.stream().map(Draft::recipientId).collect(Collectors.toSet()), what);
            assertEquals("Agent Ada " + what, drafts.get(0).title());
            assertTrue(drafts.get(0).body().contains("by Root"), drafts.get(0).body());
        }
    }
}
