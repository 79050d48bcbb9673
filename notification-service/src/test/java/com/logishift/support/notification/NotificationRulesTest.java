package com.logishift.support.notification;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The README's "who is notified" table, row by row: exactly these recipients, nobody else. */
class NotificationRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final UUID customer = UUID.randomUUID();
    private final UUID agent = UUID.randomUUID();
    private final UUID otherAgent = UUID.randomUUID();
    private final UUID admin = UUID.randomUUID();
    private final UUID ticket = UUID.randomUUID();
    private final Directory directory = new Directory(Map.of(agent, "Ada", otherAgent, "Bob", admin, "Root"));
    /** The feeds' members in these tests. */
    private Set<UUID> admins = Set.of(admin);
    private final Set<UUID> agents = Set.of(agent, otherAgent);

    private Set<UUID> recipients(String type, String data) throws Exception {
        return who(NotificationRules.draftsFor(new SupportEvent("e1", "com.logishift.support." + type + ".v1",
                JSON.readTree(data)), directory));
    }

    /** Everyone the drafts reach: personal recipients and the feeds' members not excepted. */
    private Set<UUID> who(List<Draft> drafts) {
        Set<UUID> all = new HashSet<>();
        for (Draft d : drafts) {
            if (!d.isFeed()) {
                all.add(d.recipientId());
            } else {
                (d.feed() == Draft.Feed.ADMINS ? admins : agents).stream().filter(p -> !d.except().contains(p))
                        .forEach(all::add);
            }
        }
        return all;
    }

    private String ticketData(String extra) {
        return "{\"ticketId\":\"" + ticket + "\",\"reference\":\"SUP-000123\",\"customerId\":\"" + customer + "\"" + extra + "}";
    }

    @Test
    void ticketCreatedGoesToTheAdminAndAgentFeedsEachStoredOnce() throws Exception {
        var decision = NotificationRules.decide(new SupportEvent("c1", "com.logishift.support.ticket.created.v1",
                JSON.readTree(ticketData(",\"subject\":\"Crushed box\",\"category\":\"DAMAGED\",\"priority\":\"HIGH\""))),
                directory);
        assertEquals(List.of(Draft.Feed.ADMINS, Draft.Feed.AGENTS), decision.drafts().stream().map(Draft::feed).toList());
        assertEquals(Set.of(agent, otherAgent, admin), who(decision.drafts()));
        assertEquals(NotificationRules.QueueEntry.UNCHANGED, decision.queueEntry());
    }

    @Test
    void anAssignmentTakesTheTicketOutOfTheAgentsFeedAndUnassigningPutsItBack() throws Exception {
        assertEquals(NotificationRules.QueueEntry.WITHDRAW, NotificationRules.decide(new SupportEvent("a1",
                "com.logishift.support.ticket.assigned.v1", JSON.readTree(ticketData(",\"assigneeId\":\"" + agent
                        + "\",\"mode\":\"AUTO\",\"assignedBy\":null"))), directory).queueEntry());
        assertEquals(NotificationRules.QueueEntry.RESTORE, NotificationRules.decide(new SupportEvent("u1",
                "com.logishift.support.ticket.unassigned.v1", JSON.readTree(ticketData(",\"previousAssigneeId\":\""
                        + agent + "\",\"unassignedBy\":\"" + admin + "\""))), directory).queueEntry());
    }

    @Test
    void nobodyHearsOfTheirOwnAction() throws Exception {
        // the agent took the ticket themselves: the customer and the admins hear of it, not the agent
        assertEquals(Set.of(customer, admin), recipients("ticket.assigned",
                ticketData(",\"assigneeId\":\"" + agent + "\",\"mode\":\"SELF\",\"assignedBy\":\"" + agent + "\"")));
        // an admin assigned it: that admin is left out of the admins' feed entry
        UUID otherAdmin = UUID.randomUUID();
        admins = Set.of(admin, otherAdmin);
        assertEquals(Set.of(customer, agent, otherAdmin), recipients("ticket.assigned",
                ticketData(",\"assigneeId\":\"" + agent + "\",\"mode\":\"ADMIN\",\"assignedBy\":\"" + admin + "\"")));
        assertEquals(Set.of(customer, admin, otherAdmin), recipients("ticket.status-changed",
                ticketData(",\"assigneeId\":\"" + agent + "\",\"from\":\"OPEN\",\"to\":\"IN_PROGRESS\",\"changedBy\":\"" + agent + "\"")));
        assertEquals(Set.of(agent, admin, otherAdmin), recipients("ticket.status-changed",
                ticketData(",\"assigneeId\":\"" + agent + "\",\"from\":\"RESOLVED\",\"to\":\"CLOSED\",\"changedBy\":\"" + customer + "\"")));
        assertEquals(Set.of(agent, admin), recipients("ticket.unassigned",
                ticketData(",\"previousAssigneeId\":\"" + agent + "\",\"unassignedBy\":\"" + otherAdmin + "\"")));
    }

    @Test
    void aPersonalNotificationWinsOverTheFeedForAnAdminAssignee() throws Exception {
        // an admin assigned to a ticket hears "assigned to you", not also the admins' wording
        var drafts = NotificationRules.draftsFor(new SupportEvent("a2", "com.logishift.support.ticket.assigned.v1",
                JSON.readTree(ticketData(",\"assigneeId\":\"" + admin + "\",\"mode\":\"AUTO\""))), directory);
        assertEquals(Set.of(customer, admin), who(drafts));
        Draft feed = drafts.stream().filter(Draft::isFeed).findFirst().orElseThrow();
        assertTrue(feed.except().contains(admin), "the assignee is excepted from the admins' entry");
    }

    @Test
    void slaWarningsAndBreachesGoToTheAssigneeAndTheAdminsFeed() throws Exception {
        var warning = NotificationRules.draftsFor(new SupportEvent("s1", "com.logishift.support.ticket.sla-warning.v1",
                JSON.readTree(sla("FIRST_RESPONSE", agent))), directory);
        assertEquals(Set.of(agent, admin), who(warning));
        assertEquals("SLA warning: SUP-000123", warning.get(0).title());
        assertEquals("First response due 2026-12-06 14:30 UTC", warning.get(0).body());
        var breached = NotificationRules.draftsFor(new SupportEvent("s2", "com.logishift.support.ticket.sla-breached.v1",
                JSON.readTree(sla("RESOLUTION", null))), directory);
        assertEquals(Set.of(admin), who(breached));
        assertEquals("SLA breached: SUP-000123", breached.get(0).title());
        assertEquals("Resolution was due 2026-12-06 14:30 UTC", breached.get(0).body());
        assertThrows(SupportEvent.MalformedEventException.class, () -> recipients("ticket.sla-warning",
                sla("LUNCH", agent)));
        assertThrows(SupportEvent.MalformedEventException.class, () -> recipients("ticket.sla-warning",
                sla("RESOLUTION", agent).replace("2026-12-06T14:30:00Z", "tomorrow")));
    }

    @Test
    void aPriorityChangeNotifiesNobody() throws Exception {
        assertEquals(Set.of(), recipients("ticket.priority-changed", ticketData(",\"assigneeId\":\"" + agent
                + "\",\"from\":\"LOW\",\"to\":\"HIGH\",\"changedBy\":\"" + agent + "\",\"changedAt\":\"2026-12-06T09:00:00Z\"")));
    }

    @Test
    void aMergeGoesToTheCustomerLinkedToTheTicketThatStays() throws Exception {
        UUID into = UUID.randomUUID();
        String data = ticketData(",\"intoTicketId\":\"" + into + "\",\"intoReference\":\"SUP-000045\",\"assigneeId\":\""
                + agent + "\",\"mergedBy\":\"" + agent + "\",\"mergedAt\":\"2026-12-06T09:00:00Z\",\"movedMessages\":2");
        var drafts = NotificationRules.draftsFor(new SupportEvent("m1", "com.logishift.support.ticket.merged.v1",
                JSON.readTree(data)), directory);
        assertEquals(Set.of(customer), who(drafts));
        assertEquals("Ticket SUP-000123 was merged into SUP-000045", drafts.get(0).title());
        assertEquals(into, drafts.get(0).ticketId());
        // a customer never merges, but whoever did is not told of it
        assertEquals(Set.of(), recipients("ticket.merged", data.replace("\"mergedBy\":\"" + agent, "\"mergedBy\":\"" + customer)));
        assertThrows(SupportEvent.MalformedEventException.class,
                () -> recipients("ticket.merged", data.replace("\"intoReference\":\"SUP-000045\",", "")));
    }

    private String sla(String clock, UUID assignee) {
        return ticketData(",\"clock\":\"" + clock + "\",\"priority\":\"HIGH\",\"dueAt\":\"2026-12-06T14:30:00Z\",\"assigneeId\":"
                + (assignee == null ? "null" : "\"" + assignee + "\"") + ",\"at\":\"2026-12-06T13:42:00Z\"");
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
        assertEquals(Set.of(customer, agent, admin), who(drafts));
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
        assertEquals(Set.of(agent), who(drafts));
        assertEquals("New message on SUP-000123", drafts.get(0).title());
        assertEquals("The customer wrote on SUP-000123 (1 attachment).", drafts.get(0).body());

        UUID otherAdmin = UUID.randomUUID();
        admins = Set.of(admin, otherAdmin);
        assertEquals(Set.of(admin, otherAdmin), recipients("ticket.message-added",
                message(customer, "CUSTOMER", "PUBLIC", null, 0)));
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
        admins = Set.of(admin, otherAdmin);
        for (String what : new String[] {"deactivated", "reactivated"}) {
            SupportEvent event = new SupportEvent("e-" + what, "com.logishift.support.agent." + what + ".v1",
                    JSON.readTree("{\"accountId\":\"" + agent + "\",\"name\":\"Ada\",\"" + what + "By\":\"" + admin + "\"}"));
            var drafts = NotificationRules.draftsFor(event, directory);
            assertEquals(Set.of(otherAdmin), who(drafts), what);
            assertEquals("Agent Ada " + what, drafts.get(0).title());
            assertTrue(drafts.get(0).body().contains("by Root"), drafts.get(0).body());
        }
    }
}
