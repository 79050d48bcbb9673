package com.logishift.support.notification;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
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

    private String message(UUID author, String role, String visibility, UUID assignee, int attachments) {
        return ticketData(",\"messageId\":\"" + UUID.randomUUID() + "\",\"seq\":3,\"authorId\":\"" + author
                + "\",\"authorRole\":\"" + role + "\",\"visibility\":\"" + visibility + "\",\"channel\":\"WEB\""
                + ",\"assigneeId\":" + (assignee == null ? "null" : "\"" + assignee + "\"") + ",\"attachmentCount\":"
                + attachments + ",\"createdAt\":\"2026-12-06T09:00:00Z\"");
    }

    @Test
    void aStaffReplyGoesToTheCustomerOnly() throws Exception {
        var drafts = NotificationRules.draftsFor(new SupportEvent("m1", "com.logishift.support.ticket.message-added.v1",
                JSON.readTree(message(agent, "AGENT", "PUBLIC", agent, 2))), directory);
        assertEquals(1, drafts.size());
        assertEquals(customer, drafts.get(0).recipientId());
        assertEquals("New reply on SUP-000123", drafts.get(0).title());
        assertEquals("Ada replied to your ticket SUP-000123 (2 attachments).", drafts.get(0).body());
        assertEquals(ticket, drafts.get(0).ticketId());
        // an admin's reply on someone else's ticket: still only the customer, not the assignee
        assertEquals(Set.of(customer), recipients("ticket.message-added", message(admin, "ADMIN", "PUBLIC", agent, 0)));
    }

    @Test
    void aCustomerMessageGoesToTheAssigneeOrToEveryAdminWhileUnassigned() throws Exception {
        var drafts = NotificationRules.draftsFor(new SupportEvent("m2", "com.logishift.support.ticket.message-added.v1",
                JSON.readTree(message(customer, "CUSTOMER", "PUBLIC", agent, 1))), directory);
        assertEquals(Set.of(agent), drafts.stream().map(Draft::recipientId).collect(Collectors.toSet()));
        assertEquals("New message on SUP-000123", drafts.get(0).title());
        assertEquals("The customer wrote on SUP-000123 (1 attachment).", drafts.get(0).body());

        UUID otherAdmin = UUID.randomUUID();
        Directory twoAdmins = new Directory(Set.of(agent), Set.of(admin, otherAdmin), Map.of());
        assertEquals(Set.of(admin, otherAdmin), NotificationRules.draftsFor(new SupportEvent("m3",
                "com.logishift.support.ticket.message-added.v1", JSON.readTree(message(customer, "CUSTOMER", "PUBLIC",
                        null, 0))), twoAdmins).stream().map(Draft::recipientId).collect(Collectors.toSet()));
    }

    @Test
    void anInternalMessageNotifiesNobodyFromThisEvent() throws Exception {
        // its note-added event does that
        assertEquals(Set.of(), recipients("ticket.message-added", message(otherAgent, "AGENT", "INTERNAL", agent, 1)));
        assertEquals(Set.of(), recipients("ticket.message-added", message(admin, "ADMIN", "INTERNAL", null, 0)));
    }

    @Test
    void nobodyHearsOfTheirOwnMessage() throws Exception {
        // odd data, but the rule holds whoever the rules would name: an admin writing as the customer
        // of an unassigned ticket, and an agent assigned to a ticket writing in the customer's role
        assertEquals(Set.of(), recipients("ticket.message-added",
                "{\"ticketId\":\"" + ticket + "\",\"reference\":\"SUP-000123\",\"customerId\":\"" + admin
                        + "\",\"authorId\":\"" + admin + "\",\"authorRole\":\"ADMIN\",\"visibility\":\"PUBLIC\"}"));
        assertEquals(Set.of(), recipients("ticket.message-added", message(agent, "CUSTOMER", "PUBLIC", agent, 0)));
    }

    @Test
    void aMessageEventWithoutItsKeyFieldsIsMalformed() {
        assertThrows(SupportEvent.MalformedEventException.class,
                () -> recipients("ticket.message-added", message(agent, "ROBOT", "PUBLIC", agent, 0)));
        assertThrows(SupportEvent.MalformedEventException.class,
                () -> recipients("ticket.message-added", message(agent, "AGENT", "SECRET", agent, 0)));
        assertThrows(SupportEvent.MalformedEventException.class, () -> recipients("ticket.message-added",
                ticketData(",\"authorRole\":\"AGENT\",\"visibility\":\"PUBLIC\"")));
        assertThrows(SupportEvent.MalformedEventException.class, () -> recipients("ticket.message-added",
                ticketData(",\"authorId\":\"nope\",\"authorRole\":\"AGENT\",\"visibility\":\"PUBLIC\"")));
        // the wording ignores a nonsensical attachment count rather than losing the notification
        assertDoesNotThrow(() -> recipients("ticket.message-added", ticketData(",\"authorId\":\"" + agent
                + "\",\"authorRole\":\"AGENT\",\"visibility\":\"PUBLIC\",\"attachmentCount\":\"many\"")));
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
