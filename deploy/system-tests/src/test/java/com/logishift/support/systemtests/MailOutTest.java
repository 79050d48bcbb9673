package com.logishift.support.systemtests;

import static com.logishift.support.systemtests.client.Gateway.expect;
import static com.logishift.support.systemtests.client.Gateway.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.logishift.support.systemtests.client.Gateway;
import com.logishift.support.systemtests.client.Inbox;
import com.logishift.support.systemtests.client.Person;
import com.logishift.support.systemtests.client.Poll;
import com.logishift.support.systemtests.harness.SystemTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * E-mail out through the whole system and the test run's GreenMail (read over IMAP): the customer is
 * acknowledged with the reference, the agent's PUBLIC reply arrives in the same thread and the
 * INTERNAL note never does, the unsubscribe link works without signing in and stops replies (not the
 * other kinds), and the assignee hears of the assignment. The SMTP outage (100 tickets, a minute
 * without SMTP, exactly 100 acknowledgements) is MailOutageTest (and notification-service's SmtpOutageTest).
 */
@SystemTest
@Order(6)
class MailOutTest {

    @Test
    @DisplayName("acknowledgement, PUBLIC reply threaded, no INTERNAL note, one-click unsubscribe, assignment")
    void mailsReachTheRightPeopleAndUnsubscribeStopsThatKind(Gateway gateway) {
        Person admin = gateway.admin();
        Person agent = gateway.registerAgent("Mail Agent");
        gateway.approve(admin, agent);
        gateway.signIn(agent);
        gateway.awaitApprovedInTicketService(admin, agent);
        Person customer = gateway.registerCustomer("Mail Customer");
        gateway.signIn(customer);

        JsonNode ticket = expect(gateway.as(customer).body(Map.of("subject", "Parcel arrived wet", "category", "DAMAGED",
                "description", "The box was soaked.")).post("/api/support/tickets/create/"), 201);
        String id = ticket.path("id").asText();
        String reference = ticket.path("reference").asText();
        Inbox.Mail ack = awaitMails(customer, 1).get(0);
        assertTrue(ack.subject().startsWith("[" + reference + "] "), ack.subject());
        assertTrue(ack.text().contains(reference), ack.text());
        assertTrue(ack.messageId().startsWith("<t-" + id + ".m-"), ack.messageId());
        assertNull(ack.inReplyTo());

        // the agent takes it (by the admin, whoever auto-assignment chose) and answers; an internal note too
        expect(gateway.as(admin).body(Map.of("agentId", agent.id())).post("/api/support/tickets/" + id + "/reassign/"), 200);
        String secret = "internal only " + UUID.randomUUID();
        String reply = "We are sending a replacement today.";
        expect(gateway.as(agent).body(Map.of("body", secret, "visibility", "INTERNAL"))
                .post("/api/support/tickets/" + id + "/messages/"), 201);
        expect(gateway.as(agent).body(Map.of("body", reply, "visibility", "PUBLIC"))
                .post("/api/support/tickets/" + id + "/messages/"), 201);
        Inbox.Mail replied = awaitMails(customer, 2).get(1);
        assertTrue(replied.subject().startsWith("[" + reference + "] "), replied.subject());
        assertTrue(replied.text().contains(reply), replied.text());
        assertEquals(ack.messageId(), replied.inReplyTo(), "threaded under the acknowledgement");
        List<Inbox.Mail> agentMails = awaitMails(agent, 1);
        assertTrue(agentMails.stream().anyMatch(m -> m.subject().startsWith("[" + reference + "] ")), agentMails.toString());

        // unsubscribe from replies by the mail's link: no sign-in; a forged token changes nothing
        String link = replied.listUnsubscribe().replaceAll("^<https?://[^/]+", "").replaceAll(">$", "");
        problem(gateway.anonymous().post("/api/notifications/unsubscribe/?token=forged"), 400);
        // the link as it is (already URL-encoded), without a token of any kind
        expect(gateway.anonymous().urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click")
                .post(link), 200);
        JsonNode prefs = expect(gateway.as(customer).get("/api/notifications/preferences/"), 200);
        assertFalse(prefs.path("kinds").path("com.logishift.support.ticket.message-added.v1").path("email").asBoolean(true));

        // another reply: not mailed; resolving still is (a later mail proves the reply had its chance)
        expect(gateway.as(agent).body(Map.of("body", "Tracking number follows.", "visibility", "PUBLIC"))
                .post("/api/support/tickets/" + id + "/messages/"), 201);
        // a reassigned ticket keeps its status: the agent starts it, then resolves it
        expect(gateway.as(agent).body(Map.of("status", "IN_PROGRESS")).put("/api/support/tickets/" + id + "/update-status/"), 200);
        expect(gateway.as(agent).body(Map.of("status", "RESOLVED")).put("/api/support/tickets/" + id + "/update-status/"), 200);
        List<Inbox.Mail> all = awaitMails(customer, 3);
        Inbox.Mail resolved = all.get(2);
        assertTrue(resolved.text().contains("/tickets/" + id), resolved.text());
        assertEquals(3, Inbox.of(customer).size(), "acknowledgement, first reply, resolution: " + Inbox.of(customer));
        for (Inbox.Mail mail : Inbox.of(customer)) {
            assertFalse(mail.text().contains(secret), "an internal note in a mail");
            assertFalse(mail.text().contains("Tracking number follows."), "a reply after unsubscribing");
        }
    }

    private static List<Inbox.Mail> awaitMails(Person person, int n) {
        return Poll.until(n + " mail(s) for " + person.name(), () -> Inbox.of(person), mails -> mails.size() >= n);
    }
}
