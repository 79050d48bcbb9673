package com.logishift.support.systemtests;

import static com.logishift.support.systemtests.client.Gateway.expect;
import static com.logishift.support.systemtests.client.Gateway.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.logishift.support.systemtests.client.Gateway;
import com.logishift.support.systemtests.client.Json;
import com.logishift.support.systemtests.client.LiveStream;
import com.logishift.support.systemtests.client.Person;
import com.logishift.support.systemtests.client.Poll;
import com.logishift.support.systemtests.client.TicketEventLog;
import com.logishift.support.systemtests.harness.StopAfterFirstFailure;
import com.logishift.support.systemtests.harness.SupportSystem;
import com.logishift.support.systemtests.harness.SystemTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seed's three user flows — customer, agent, admin — as one story through the gateway, with
 * what each party is told along the way (inbox and live stream) and what another logistics service
 * reads on Kafka. The steps run in order and share the people and tickets they create; once one
 * fails, the rest are skipped.
 *
 * <p>Other test classes may have run before on the same system (their agents and tickets exist),
 * so every assertion is about this story's own people and tickets, or about differences it caused.
 */
@SystemTest
@ExtendWith(StopAfterFirstFailure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1) // see junit-platform.properties: ClassOrderer.OrderAnnotation
class SeedUserFlowsTest {

    private static final Duration STREAM_WAIT = Duration.ofSeconds(20);
    private static final String EVENT_TYPE_PREFIX = "com.logishift.support.ticket.";

    private Gateway gateway;
    private SupportSystem system;

    private Person admin;
    private Person ann; // agent, approved; works the customer's ticket
    private Person ben; // agent, approved; gets a ticket by reassignment
    private Person carl; // agent, rejected
    private Person cleo; // customer
    private String rejectionReason;

    private JsonNode statsBefore;
    private String firstAssignee;
    private String t1; // the ticket that goes the whole way: OPEN → … → CLOSED with feedback
    private String t1Ref;
    private String t2; // reassigned from Ann to Ben
    private String t2Ref;
    private String t3; // waits in the queue
    private String noteByAnn;
    private String noteByAdmin;
    /** t1's events as this story caused them, in order: what a Kafka reader must see. */
    private final List<String> t1Events = new ArrayList<>();

    @BeforeAll
    void signInTheAdmin(Gateway gateway, SupportSystem system) {
        this.gateway = gateway;
        this.system = system;
        admin = gateway.admin();
    }

    @Test
    @Order(1)
    @DisplayName("agent: registers and cannot sign in while pending (403 with the reason)")
    void agentRegistersAndIsRefusedWhilePending() {
        ann = gateway.registerAgent("Ann Agent");
        ben = gateway.registerAgent("Ben Agent");
        carl = gateway.registerAgent("Carl Candidate");

        JsonNode refused = problem(gateway.login(ann.email(), ann.password()), 403);
        assertThat(refused.path("detail").asText(), containsString("awaiting approval"));
    }

    @Test
    @Order(2)
    @DisplayName("admin: lists pending agents, approves two (twice is harmless), rejects one with a reason")
    void adminApprovesTwoAgentsAndRejectsOne() {
        assertTrue(agentIds("PENDING").containsAll(List.of(ann.id(), ben.id(), carl.id())),
                "the three new agents are pending");

        JsonNode approved = expect(gateway.as(admin).post("/api/admin/approve-agent/" + ann.id() + "/"), 200);
        assertEquals("APPROVED", approved.path("status").asText());
        JsonNode again = expect(gateway.as(admin).post("/api/admin/approve-agent/" + ann.id() + "/"), 200);
        assertEquals("APPROVED", again.path("status").asText(), "approving twice is harmless");
        gateway.approve(admin, ben);

        rejectionReason = "No logistics experience yet (" + system.runTag() + ")";
        JsonNode rejected = expect(gateway.as(admin).body(Map.of("reason", rejectionReason))
                .post("/api/admin/reject-agent/" + carl.id() + "/"), 200);
        assertEquals("REJECTED", rejected.path("status").asText());
        JsonNode refused = problem(gateway.login(carl.email(), carl.password()), 403);
        assertThat("a rejected agent is told why", refused.path("detail").asText(), containsString(rejectionReason));

        List<String> pending = agentIds("PENDING");
        assertFalse(pending.contains(ann.id()) || pending.contains(ben.id()) || pending.contains(carl.id()),
                "decided agents are no longer pending");
        assertTrue(agentIds("APPROVED").containsAll(List.of(ann.id(), ben.id())));
        assertTrue(agentIds("REJECTED").contains(carl.id()));

        gateway.signIn(ann);
        gateway.signIn(ben);
        JsonNode me = expect(gateway.as(ann).get("/api/auth/me/"), 200);
        assertEquals(ann.email(), me.path("email").asText());
        assertEquals("agent", me.path("role").asText());
        assertEquals("APPROVED", me.path("status").asText());
    }

    @Test
    @Order(3)
    @DisplayName("notifications: admins hear of each registration, each agent of the decision on theirs")
    void adminsHearOfRegistrationsAndAgentsOfTheDecision() {
        for (Person agent : List.of(ann, ben, carl)) {
            JsonNode n = gateway.awaitNotification(admin, "New agent registration (" + agent.name() + ")",
                    x -> "New agent registration".equals(x.path("title").asText())
                            && x.path("body").asText().contains(agent.name()));
            assertNull(Json.text(n, "ticketId"));
        }
        gateway.awaitNotificationTitled(ann, "You are approved");
        gateway.awaitNotificationTitled(ben, "You are approved");
        // Carl cannot sign in to read his inbox: read it where notification-service keeps it
        String carlsNotice = Poll.until("Carl's rejection notice in notification-service's database",
                () -> storedNotificationBody(carl, "Your agent registration was rejected"), Objects::nonNull);
        assertThat(carlsNotice, containsString(rejectionReason));

        List<String> annsAccountNews = gateway.notifications(ann).stream()
                .filter(n -> !n.hasNonNull("ticketId")).map(n -> n.path("title").asText()).toList();
        assertEquals(List.of("You are approved"), annsAccountNews, "Ann heard of her approval, once");
    }

    @Test
    @Order(4)
    @DisplayName("customer: signs up, signs in, opens a ticket; it goes to the least-loaded approved agent")
    void customerSignsUpAndOpensATicket() {
        gateway.awaitApprovedInTicketService(admin, ann, ben);
        statsBefore = gateway.stats(admin);

        cleo = gateway.registerCustomer("Cleo Customer");
        JsonNode login = expect(gateway.login(cleo.email(), cleo.password()), 200);
        assertEquals("customer", login.path("role").asText());
        assertEquals("Bearer", login.path("token_type").asText());
        assertTrue(login.path("expires_in").asLong() > 0, "expires_in");
        gateway.signIn(cleo);
        JsonNode me = expect(gateway.as(cleo).get("/api/auth/me/"), 200);
        assertEquals(cleo.email(), me.path("email").asText());
        assertEquals("customer", me.path("role").asText());

        JsonNode ticket = expect(gateway.as(cleo).body(Map.of(
                "subject", "Parcel arrived crushed",
                "category", "DAMAGED",
                "priority", "HIGH",
                "description", "The box was flat and the vase inside is broken.",
                "deliveryId", "DLV-" + system.runTag())).post("/api/support/tickets/create/"), 201);
        t1 = ticket.path("id").asText();
        t1Ref = ticket.path("reference").asText();
        t1Events.add("created");
        assertThat(t1Ref, matchesPattern("SUP-\\d{6}"));
        assertEquals("OPEN", ticket.path("status").asText());
        assertEquals("HIGH", ticket.path("priority").asText());
        assertEquals("DAMAGED", ticket.path("category").asText());
        assertEquals("DLV-" + system.runTag(), ticket.path("deliveryId").asText());
        assertFalse(ticket.has("notes") || ticket.has("allowedTransitions"), "no staff fields for a customer");

        JsonNode staffView = expect(gateway.as(admin).get("/api/support/tickets/" + t1 + "/"), 200);
        firstAssignee = Json.text(staffView, "assigneeId");
        assertNotNull(firstAssignee, "auto-assigned: approved agents exist");
        t1Events.add("assigned");
        Set<String> leastLoaded = leastLoaded(statsBefore);
        assertTrue(leastLoaded.contains(firstAssignee),
                "assigned to " + firstAssignee + ", one of the least-loaded approved agents " + leastLoaded);
        if (leastLoaded.equals(Set.of(ann.id(), ben.id()))) {
            assertEquals(ann.id(), firstAssignee, "a tie between two agents who never had a ticket: the one "
                    + "approved first has waited longest");
        }
        assertEquals("OPEN", staffView.path("status").asText(), "auto-assignment leaves the status alone");
        assertEquals(staffView.path("assigneeName").asText(), ticket.path("assigneeName").asText(),
                "the customer sees who looks after the ticket");
    }

    @Test
    @Order(5)
    @DisplayName("customer: follows the ticket in the list and the detail; staff and customer are told")
    void customerFollowsTheTicket() {
        JsonNode own = expect(gateway.as(cleo).get("/api/support/tickets/"), 200);
        assertEquals(List.of(t1), Json.ids(own));
        assertEquals(1, own.path("total").asLong());

        JsonNode detail = expect(gateway.as(cleo).get("/api/support/tickets/" + t1 + "/"), 200);
        assertEquals("OPEN", detail.path("status").asText());
        assertEquals("Parcel arrived crushed", detail.path("subject").asText());
        assertFalse(detail.path("feedbackAllowed").asBoolean());

        // ticket created → admins; the agents only while it waits in the queue, and it did not: the
        // auto-assigned agent hears "assigned to you" instead
        JsonNode created = gateway.awaitNotificationTitled(admin, "New ticket " + t1Ref);
        assertEquals(t1, created.path("ticketId").asText());
        Person assignee = firstAssignee.equals(ann.id()) ? ann : ben;
        gateway.awaitNotificationTitled(assignee, "Ticket " + t1Ref + " is assigned to you");
        for (Person agent : List.of(ann, ben)) {
            assertTrue(titlesAbout(agent, t1).stream().noneMatch(t -> t.startsWith("New ticket")),
                    agent.name() + " is not told of a ticket that never waited in the queue");
        }
        // assigned (automatically) → the customer
        gateway.awaitNotificationTitled(cleo, "Ticket " + t1Ref + " has an agent");
        assertTrue(titlesAbout(cleo, t1).stream().noneMatch(t -> t.startsWith("New ticket")),
                "the customer is not told about their own ticket in the staff's words");
    }

    @Test
    @Order(6)
    @DisplayName("agent: sees the queue, takes the ticket; the customer's open stream shows it live")
    void agentSeesTheQueueAndTakesTheTicket() {
        // the admin sends it back to the unassigned queue, where agents pick their work
        JsonNode back = expect(gateway.as(admin).body(Map.of("unassign", true))
                .post("/api/support/tickets/" + t1 + "/reassign/"), 200);
        assertNull(Json.text(back, "assigneeId"));
        t1Events.add("unassigned");

        JsonNode queue = expect(gateway.as(ann).get("/api/agent/tickets/?scope=queue&size=100"), 200);
        assertTrue(Json.ids(queue).contains(t1), "the ticket waits in the queue");
        for (JsonNode item : Json.items(queue)) {
            assertEquals("OPEN", item.path("status").asText(), "the queue holds OPEN tickets only");
            assertNull(Json.text(item, "assigneeId"), "the queue holds unassigned tickets only");
        }
        assertFalse(Json.ids(expect(gateway.as(ann).get("/api/agent/tickets/"), 200)).contains(t1),
                "not yet among Ann's assigned tickets (the default scope)");

        String streamTicket = expect(gateway.as(cleo).post("/api/notifications/stream-ticket/"), 200)
                .path("ticket").asText();
        String streamUrl = gateway.url() + "/api/notifications/stream/?ticket="
                + URLEncoder.encode(streamTicket, StandardCharsets.UTF_8);
        try (LiveStream stream = LiveStream.open(streamUrl)) {
            assertEquals(200, stream.status(), "the stream opens with the one-time ticket");
            stream.next("ready", STREAM_WAIT);

            long sent = System.nanoTime();
            JsonNode taken = expect(gateway.as(ann).post("/api/support/tickets/" + t1 + "/assign-self/"), 200);
            t1Events.add("assigned");
            t1Events.add("status-changed");
            assertEquals("IN_PROGRESS", taken.path("status").asText());
            assertEquals(ann.id(), taken.path("assigneeId").asText());

            Set<String> liveTitles = new LinkedHashSet<>();
            for (int i = 0; i < 2; i++) {
                LiveStream.Event event = stream.next("notification", STREAM_WAIT);
                JsonNode notification = Json.parse(event.data());
                assertEquals(t1, notification.path("ticketId").asText());
                liveTitles.add(notification.path("title").asText());
                System.out.printf(Locale.ROOT, "[stream] '%s' arrived %d ms after Ann took the ticket%n",
                        notification.path("title").asText(), (event.receivedAtNanos() - sent) / 1_000_000);
            }
            assertEquals(Set.of("Ticket " + t1Ref + " has an agent", "Ticket " + t1Ref + " is now In progress"),
                    liveTitles, "the customer's browser hears of the assignment and the start of work");
        }
        try (LiveStream again = LiveStream.open(streamUrl)) {
            assertEquals(401, again.status(), "a stream ticket works once");
        }

        assertTrue(Json.ids(expect(gateway.as(ann).get("/api/agent/tickets/?scope=assigned"), 200)).contains(t1));
        JsonNode retake = expect(gateway.as(ann).post("/api/support/tickets/" + t1 + "/assign-self/"), 200);
        assertEquals("IN_PROGRESS", retake.path("status").asText(), "taking one's own ticket again is harmless");
        JsonNode conflict = problem(gateway.as(ben).post("/api/support/tickets/" + t1 + "/assign-self/"), 409);
        assertThat(conflict.path("detail").asText(), containsString("another agent"));
    }

    @Test
    @Order(7)
    @DisplayName("agent: internal notes, IN_PROGRESS → ON_HOLD → IN_PROGRESS → RESOLVED; an illegal move is 409")
    void agentWorksTheTicket() {
        noteByAnn = "INTERNAL " + system.runTag() + ": the carrier admits the crate fell off a forklift at the hub";
        JsonNode note = expect(gateway.as(ann).body(Map.of("body", noteByAnn))
                .post("/api/support/tickets/" + t1 + "/add-note/"), 201);
        assertEquals(noteByAnn, note.path("body").asText());
        assertEquals(ann.id(), note.path("authorId").asText());
        t1Events.add("message-added"); // a note is an INTERNAL message of the conversation
        t1Events.add("note-added");

        // Ann answers Cleo in the conversation: the ticket's first response
        String reply = "We are sorry about the vase; the carrier is checking the crate. " + system.runTag();
        JsonNode answered = expect(gateway.as(ann).body(Map.of("body", reply, "visibility", "PUBLIC"))
                .post("/api/support/tickets/" + t1 + "/messages/"), 201);
        assertEquals("PUBLIC", answered.path("visibility").asText());
        t1Events.add("message-added");
        JsonNode cleosThread = expect(gateway.as(cleo).get("/api/support/tickets/" + t1 + "/messages/"), 200);
        assertEquals(List.of(reply), Json.items(cleosThread).stream().map(m -> m.path("body").asText()).toList(),
                "the customer's thread holds the reply, not the note");

        JsonNode onHold = move(ann, "ON_HOLD");
        assertEquals(Set.of("IN_PROGRESS", "RESOLVED"), textSet(onHold.path("allowedTransitions")));
        problem(gateway.as(cleo).body(Map.of("rating", 5)).post("/api/support/tickets/" + t1 + "/feedback/"), 409);
        move(ann, "IN_PROGRESS");

        JsonNode illegal = problem(gateway.as(ann).body(Map.of("status", "OPEN"))
                .put("/api/support/tickets/" + t1 + "/update-status/"), 409);
        String detail = illegal.path("detail").asText();
        assertThat("names the current status", detail, containsString("is IN_PROGRESS"));
        assertThat("names the allowed targets", detail, containsString("ON_HOLD"));
        assertThat("names the allowed targets", detail, containsString("RESOLVED"));

        problem(gateway.as(ben).body(Map.of("status", "ON_HOLD"))
                .put("/api/support/tickets/" + t1 + "/update-status/"), 403);

        noteByAdmin = "INTERNAL " + system.runTag() + ": refund approved up to 120 EUR, keep the limit to us";
        expect(gateway.as(admin).body(Map.of("body", noteByAdmin)).post("/api/support/tickets/" + t1 + "/add-note/"), 201);
        t1Events.add("message-added");
        t1Events.add("note-added");

        JsonNode seenByColleague = expect(gateway.as(ben).get("/api/support/tickets/" + t1 + "/"), 200);
        List<String> notes = new ArrayList<>();
        seenByColleague.path("notes").forEach(n -> notes.add(n.path("body").asText()));
        assertEquals(List.of(noteByAnn, noteByAdmin), notes, "notes are visible to every agent and admin, in order");
        assertEquals(Set.of("ON_HOLD", "RESOLVED"), textSet(seenByColleague.path("allowedTransitions")));

        JsonNode resolved = move(ann, "RESOLVED");
        assertNotNull(Json.text(resolved, "resolvedAt"));
    }

    @Test
    @Order(8)
    @DisplayName("customer: sees every step of the progress, never an internal note; reads notifications")
    void customerSeesProgressButNeverInternalNotes() {
        String detailText = expect(gateway.as(cleo).get("/api/support/tickets/" + t1 + "/"), 200).toString();
        JsonNode detail = Json.parse(detailText);
        assertEquals("RESOLVED", detail.path("status").asText());
        assertTrue(detail.path("feedbackAllowed").asBoolean());
        assertEquals(ann.name(), detail.path("assigneeName").asText());
        assertNoInternalNote("the customer's ticket detail", detailText);
        assertFalse(detail.has("notes"));
        assertNoInternalNote("the customer's ticket list", expect(gateway.as(cleo).get("/api/support/tickets/"), 200)
                .toString());

        for (String status : List.of("In progress", "On hold", "Resolved")) {
            gateway.awaitNotificationTitled(cleo, "Ticket " + t1Ref + " is now " + status);
        }
        JsonNode hasAnn = gateway.awaitNotification(cleo, "Ann looks after the ticket",
                n -> ("Ticket " + t1Ref + " has an agent").equals(n.path("title").asText())
                        && n.path("body").asText().contains(ann.name()));
        List<JsonNode> inbox = gateway.notifications(cleo);
        assertNoInternalNote("the customer's notifications", inbox.toString());
        assertTrue(inbox.stream().noneMatch(n -> n.path("title").asText().toLowerCase(Locale.ROOT).contains("note")),
                "no notification about internal notes reaches the customer: " + titles(inbox));

        long unread = expect(gateway.as(cleo).get("/api/notifications/unread-count/"), 200).path("count").asLong();
        assertEquals(inbox.size(), unread, "nothing read yet");
        JsonNode read = expect(gateway.as(cleo).post("/api/notifications/" + hasAnn.path("id").asText() + "/read/"), 200);
        assertTrue(read.path("read").asBoolean());
        assertEquals(unread - 1,
                expect(gateway.as(cleo).get("/api/notifications/unread-count/"), 200).path("count").asLong());
        expect(gateway.as(cleo).post("/api/notifications/read-all/"), 200);
        assertEquals(0, expect(gateway.as(cleo).get("/api/notifications/unread-count/"), 200).path("count").asLong());
    }

    @Test
    @Order(9)
    @DisplayName("customer: rates the resolved ticket 5/5 with a comment, which closes it (once)")
    void customerLeavesFeedbackWhichClosesTheTicket() {
        JsonNode closed = expect(gateway.as(cleo).body(Map.of("rating", 5, "comment", "Refund arrived quickly"))
                .post("/api/support/tickets/" + t1 + "/feedback/"), 201);
        t1Events.add("status-changed");
        t1Events.add("feedback-submitted");
        assertEquals("CLOSED", closed.path("status").asText());
        assertEquals(5, closed.path("feedback").path("rating").asInt());
        assertEquals("Refund arrived quickly", closed.path("feedback").path("comment").asText());
        assertFalse(closed.path("feedbackAllowed").asBoolean());

        problem(gateway.as(cleo).body(Map.of("rating", 4)).post("/api/support/tickets/" + t1 + "/feedback/"), 409);
        JsonNode outOfRange = problem(gateway.as(cleo).body(Map.of("rating", 6))
                .post("/api/support/tickets/" + t1 + "/feedback/"), 400);
        assertEquals("rating", outOfRange.path("errors").path(0).path("field").asText());
        assertEquals("CLOSED", expect(gateway.as(cleo).get("/api/support/tickets/" + t1 + "/"), 200)
                .path("status").asText());
    }

    @Test
    @Order(10)
    @DisplayName("notifications: each party heard exactly what the README's table promises about the ticket")
    void everyPartyHeardWhatTheSpecPromises() {
        // feedback is the ticket's last event; one partition keeps the order, so once it is in every
        // inbox, every earlier event of the ticket has been processed
        gateway.awaitNotificationTitled(ann, "Feedback on " + t1Ref + ": 5/5");
        gateway.awaitNotificationTitled(admin, "Feedback on " + t1Ref + ": 5/5");

        String ref = t1Ref;
        List<String> statusTitles = List.of("Ticket " + ref + " is now In progress", "Ticket " + ref + " is now On hold",
                "Ticket " + ref + " is now In progress", "Ticket " + ref + " is now Resolved",
                "Ticket " + ref + " is now Closed");
        Map<String, Integer> statusCounts = count(statusTitles);

        // Cleo: assigned (auto, then self) and every status change but her own (closing by feedback)
        Map<String, Integer> forCleo = new HashMap<>(statusCounts);
        forCleo.remove("Ticket " + ref + " is now Closed");
        forCleo.put("Ticket " + ref + " has an agent", 2);
        forCleo.put("New reply on " + ref, 1);
        assertEquals(forCleo, count(titlesAbout(cleo, t1)), "Cleo's notifications about " + ref);

        // Nobody hears of their own action. Ann: of what others did to her ticket — Cleo closing it,
        // the admin's note, the feedback; not of taking it, her moves, her note or her reply. The
        // agents' "new ticket" entry is gone: the ticket is no longer waiting in the queue.
        Map<String, Integer> forAnn = new HashMap<>(Map.of("Ticket " + ref + " is now Closed", 1,
                "New internal note on " + ref, 1, "Feedback on " + ref + ": 5/5", 1));
        Map<String, Integer> forBen = new HashMap<>();
        // whoever got it automatically at first heard of that, and of losing it to the queue
        for (Map<String, Integer> first : firstAssignee.equals(ann.id()) ? List.of(forAnn)
                : firstAssignee.equals(ben.id()) ? List.of(forBen) : List.<Map<String, Integer>>of()) {
            first.merge("Ticket " + ref + " is assigned to you", 1, Integer::sum);
            first.put("Ticket " + ref + " was taken off you", 1);
        }
        assertEquals(forAnn, count(titlesAbout(ann, t1)), "Ann's notifications about " + ref);
        assertEquals(forBen, count(titlesAbout(ben, t1)), "Ben's notifications about " + ref);

        // admins: all of it but what the admin did (sending it back to the queue, the admin's own note)
        Map<String, Integer> forAdmin = new HashMap<>(statusCounts);
        forAdmin.put("New ticket " + ref, 1);
        forAdmin.put("Ticket " + ref + " assigned", 2);
        forAdmin.put("New internal note on " + ref, 1);
        forAdmin.put("Feedback on " + ref + ": 5/5", 1);
        assertEquals(forAdmin, count(titlesAbout(admin, t1)), "the admin's notifications about " + ref);

        for (Person person : List.of(cleo, ann, ben, admin)) {
            assertNoInternalNote(person.name() + "'s notifications", gateway.notifications(person).toString());
        }
    }

    @Test
    @Order(11)
    @DisplayName("admin: reassigns between two agents, filters all tickets, reads stats that match the story")
    void adminOverseesEverything() {
        t2 = createTicket("Delivery two days late", "LATE", "LOW");
        t2Ref = expect(gateway.as(admin).get("/api/support/tickets/" + t2 + "/"), 200).path("reference").asText();
        assertEquals(ann.id(), expect(gateway.as(admin).body(Map.of("agentId", ann.id()))
                .post("/api/support/tickets/" + t2 + "/reassign/"), 200).path("assigneeId").asText());
        JsonNode toBen = expect(gateway.as(admin).body(Map.of("agentId", ben.id()))
                .post("/api/support/tickets/" + t2 + "/reassign/"), 200);
        assertEquals(ben.id(), toBen.path("assigneeId").asText());
        assertEquals("OPEN", toBen.path("status").asText(), "reassignment leaves the status alone");
        problem(gateway.as(admin).body(Map.of("agentId", carl.id())).post("/api/support/tickets/" + t2 + "/reassign/"),
                400);

        gateway.awaitNotificationTitled(ben, "Ticket " + t2Ref + " is assigned to you");
        gateway.awaitNotification(cleo, "Ben looks after " + t2Ref,
                n -> ("Ticket " + t2Ref + " has an agent").equals(n.path("title").asText())
                        && n.path("body").asText().contains(ben.name()));
        // the admin who reassigned it is not told of their own action (Cleo's notice above came from
        // the same event, so it has been processed)
        assertTrue(gateway.notifications(admin).stream().noneMatch(n -> t2.equals(n.path("ticketId").asText())
                        && n.path("body").asText().contains("by an admin")),
                "the admin hears nothing of their own reassignment");
        assertTrue(Json.ids(expect(gateway.as(ben).get("/api/agent/tickets/?scope=assigned"), 200)).contains(t2));
        assertFalse(Json.ids(expect(gateway.as(ann).get("/api/agent/tickets/?scope=assigned"), 200)).contains(t2));

        t3 = createTicket("Sofa delivered in the wrong colour", "QUALITY", null);
        expect(gateway.as(admin).body(Map.of("unassign", true)).post("/api/support/tickets/" + t3 + "/reassign/"), 200);

        assertFilter("status=CLOSED", t -> "CLOSED".equals(t.path("status").asText()), Set.of(t1), Set.of(t2, t3));
        assertFilter("priority=LOW", t -> "LOW".equals(t.path("priority").asText()), Set.of(t2), Set.of(t1, t3));
        assertFilter("category=DAMAGED", t -> "DAMAGED".equals(t.path("category").asText()), Set.of(t1),
                Set.of(t2, t3));
        assertFilter("assigneeId=" + ben.id(), t -> ben.id().equals(t.path("assigneeId").asText()), Set.of(t2),
                Set.of(t1, t3));
        assertFilter("assigneeId=" + ann.id(), t -> ann.id().equals(t.path("assigneeId").asText()), Set.of(t1),
                Set.of(t2, t3));
        assertFilter("unassigned=true", t -> !t.hasNonNull("assigneeId"), Set.of(t3), Set.of(t1, t2));
        assertFilter("status=OPEN&category=LATE", t -> "OPEN".equals(t.path("status").asText())
                && "LATE".equals(t.path("category").asText()), Set.of(t2), Set.of(t1, t3));

        JsonNode after = gateway.stats(admin);
        System.out.println("[stats] before: " + statsBefore);
        System.out.println("[stats] after:  " + after);
        assertEquals(3, after.path("total").asLong() - statsBefore.path("total").asLong(), "total");
        assertDeltas("byStatus", after, Map.of("OPEN", 2, "IN_PROGRESS", 0, "ON_HOLD", 0, "RESOLVED", 0, "CLOSED", 1));
        assertDeltas("byPriority", after, Map.of("LOW", 1, "MEDIUM", 1, "HIGH", 1));
        assertDeltas("byCategory", after, Map.of("DAMAGED", 1, "LOST", 0, "LATE", 1, "QUALITY", 1, "OTHER", 0));
        assertEquals(1, after.path("unassigned").asLong() - statsBefore.path("unassigned").asLong(), "unassigned");
        long ratingsBefore = statsBefore.path("ratings").asLong();
        assertEquals(ratingsBefore + 1, after.path("ratings").asLong(), "ratings");
        double expectedAverage = ratingsBefore == 0 ? 5.0
                : (statsBefore.path("averageRating").asDouble() * ratingsBefore + 5) / (ratingsBefore + 1);
        assertEquals(expectedAverage, after.path("averageRating").asDouble(), 1e-6, "averageRating");

        Map<String, JsonNode> load = new HashMap<>();
        after.path("agentLoad").forEach(l -> load.put(l.path("agentId").asText(), l));
        assertEquals(0, load.get(ann.id()).path("openTickets").asLong(), "Ann's open tickets");
        assertEquals(1, load.get(ann.id()).path("resolvedTickets").asLong(), "Ann's resolved tickets");
        assertEquals(1, load.get(ben.id()).path("openTickets").asLong(), "Ben's open tickets");
        assertEquals(0, load.get(ben.id()).path("resolvedTickets").asLong(), "Ben's resolved tickets");
        assertFalse(load.containsKey(carl.id()), "a rejected agent carries no load");

        if (statsBefore.path("total").asLong() == 0) {
            // t1 is the only ticket with a first response and a resolution: the averages are its times
            JsonNode t1Now = expect(gateway.as(admin).get("/api/support/tickets/" + t1 + "/"), 200);
            Instant created = Instant.parse(t1Now.path("createdAt").asText());
            assertEquals(secondsBetween(created, Instant.parse(t1Now.path("firstResponseAt").asText())),
                    after.path("averageFirstResponseSeconds").asDouble(), 0.01, "averageFirstResponseSeconds");
            assertEquals(secondsBetween(created, Instant.parse(t1Now.path("resolvedAt").asText())),
                    after.path("averageResolutionSeconds").asDouble(), 0.01, "averageResolutionSeconds");
        } else {
            assertTrue(after.path("averageFirstResponseSeconds").asDouble() > 0);
            assertTrue(after.path("averageResolutionSeconds").asDouble() > 0);
        }
    }

    @Test
    @Order(12)
    @DisplayName("Kafka: another service reads the ticket's events in order, as CloudEvents, without note text")
    void otherLogisticsServicesFollowTheTicketOnKafka() {
        long start = System.nanoTime();
        List<TicketEventLog.Record> all = TicketEventLog.read(system.kafkaBootstrap(), Duration.ofSeconds(30),
                records -> distinctEventsOf(records, t1).size() >= t1Events.size());
        List<TicketEventLog.Record> events = distinctEventsOf(all, t1);
        System.out.printf(Locale.ROOT, "[kafka] %d records on %s, %d about %s, read in %d ms%n", all.size(),
                TicketEventLog.TOPIC, events.size(), t1Ref, (System.nanoTime() - start) / 1_000_000);

        assertEquals(t1Events.stream().map(e -> EVENT_TYPE_PREFIX + e + ".v1").toList(),
                events.stream().map(TicketEventLog.Record::ceType).toList(), "the ticket's events, in order");
        Set<Integer> partitions = new LinkedHashSet<>();
        long lastOffset = -1;
        for (TicketEventLog.Record record : events) {
            assertEquals("1.0", record.header("ce_specversion"), "ce_specversion");
            assertFalse(record.ceId() == null || record.ceId().isBlank(), "ce_id");
            assertEquals("/logishift/support/ticket-service", record.header("ce_source"), "ce_source");
            assertEquals(t1, record.header("ce_subject"), "ce_subject");
            assertNotNull(OffsetDateTime.parse(record.header("ce_time")), "ce_time");
            assertEquals("application/json", record.header("content-type"), "content-type");
            JsonNode data = Json.parse(record.value());
            assertEquals(t1, data.path("ticketId").asText());
            assertEquals(t1Ref, data.path("reference").asText());
            partitions.add(record.partition());
            assertTrue(record.offset() > lastOffset, "offsets grow");
            lastOffset = record.offset();
        }
        assertEquals(1, partitions.size(), "keyed by the ticket id: one partition");

        JsonNode created = Json.parse(events.get(0).value());
        assertEquals("OPEN", created.path("status").asText());
        assertEquals(cleo.id(), created.path("customerId").asText());
        assertEquals("DAMAGED", created.path("category").asText());
        JsonNode selfAssigned = Json.parse(events.get(3).value());
        assertEquals("SELF", selfAssigned.path("mode").asText());
        assertEquals(ann.id(), selfAssigned.path("assigneeId").asText());
        List<String> moves = events.stream().filter(r -> r.ceType().endsWith(".status-changed.v1"))
                .map(r -> Json.parse(r.value())).map(d -> d.path("from").asText() + "→" + d.path("to").asText())
                .toList();
        assertEquals(List.of("OPEN→IN_PROGRESS", "IN_PROGRESS→ON_HOLD", "ON_HOLD→IN_PROGRESS",
                "IN_PROGRESS→RESOLVED", "RESOLVED→CLOSED"), moves);
        for (TicketEventLog.Record note : events.stream().filter(r -> r.ceType().endsWith(".note-added.v1")).toList()) {
            JsonNode data = Json.parse(note.value());
            assertTrue(data.hasNonNull("noteId") && data.hasNonNull("authorId"), "a note event names ids");
            assertFalse(data.has("body"), "a note event carries no text");
        }
        assertEquals(5, Json.parse(events.get(events.size() - 1).value()).path("rating").asInt());

        for (TicketEventLog.Record record : all) {
            assertNoInternalNote("record " + record.ceId() + " on " + TicketEventLog.TOPIC,
                    record.value() + " " + record.headers());
        }
    }

    @Test
    @Order(13)
    @DisplayName("FAQ: anyone, without signing in, finds entries about damaged parcels")
    void anyoneFindsFaqEntries() {
        JsonNode found = expect(gateway.anonymous().get("/api/support/faq/?q=damaged"), 200);
        List<JsonNode> items = Json.items(found);
        assertFalse(items.isEmpty(), "entries found for 'damaged'");
        assertTrue(found.path("total").asLong() >= items.size());
        assertTrue(items.stream().anyMatch(i -> (i.path("question").asText() + " " + i.path("answer").asText())
                .toLowerCase(Locale.ROOT).contains("damage")), "a match mentions damage");
        JsonNode first = items.get(0);
        JsonNode one = expect(gateway.anonymous().get("/api/support/faq/" + first.path("id").asText() + "/"), 200);
        assertEquals(first.path("question").asText(), one.path("question").asText());
    }

    // --- helpers -----------------------------------------------------------------------------

    private JsonNode move(Person agent, String status) {
        JsonNode ticket = expect(gateway.as(agent).body(Map.of("status", status))
                .put("/api/support/tickets/" + t1 + "/update-status/"), 200);
        assertEquals(status, ticket.path("status").asText());
        t1Events.add("status-changed");
        return ticket;
    }

    private String createTicket(String subject, String category, String priority) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("subject", subject, "category", category,
                "description", subject + " — details from the customer."));
        if (priority != null) {
            body.put("priority", priority);
        }
        return expect(gateway.as(cleo).body(body).post("/api/support/tickets/create/"), 201).path("id").asText();
    }

    private List<String> agentIds(String status) {
        return Json.ids(expect(gateway.as(admin).get("/api/admin/agents/?size=100&status=" + status), 200));
    }

    /** The approved agents with the fewest unresolved tickets, by the stats. */
    private static Set<String> leastLoaded(JsonNode stats) {
        long min = Long.MAX_VALUE;
        for (JsonNode load : stats.path("agentLoad")) {
            min = Math.min(min, load.path("openTickets").asLong());
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode load : stats.path("agentLoad")) {
            if (load.path("openTickets").asLong() == min) {
                ids.add(load.path("agentId").asText());
            }
        }
        return ids;
    }

    private void assertFilter(String query, Predicate<JsonNode> matches, Set<String> included, Set<String> excluded) {
        JsonNode page = expect(gateway.as(admin).get("/api/admin/support/tickets/?size=100&" + query), 200);
        List<JsonNode> items = Json.items(page);
        Set<String> ids = items.stream().map(t -> t.path("id").asText()).collect(Collectors.toSet());
        assertTrue(ids.containsAll(included), query + " lists " + included + "; got " + ids);
        assertTrue(excluded.stream().noneMatch(ids::contains), query + " leaves out " + excluded);
        assertTrue(items.stream().allMatch(matches), query + " lists only matching tickets");
    }

    private void assertDeltas(String field, JsonNode after, Map<String, Integer> expected) {
        Map<String, Long> deltas = new HashMap<>();
        expected.keySet().forEach(key -> deltas.put(key,
                after.path(field).path(key).asLong() - statsBefore.path(field).path(key).asLong()));
        Map<String, Long> wanted = new HashMap<>();
        expected.forEach((key, value) -> wanted.put(key, value.longValue()));
        assertEquals(wanted, deltas, field + " changed by what this story did");
    }

    private List<String> titlesAbout(Person person, String ticketId) {
        return gateway.notifications(person).stream().filter(n -> ticketId.equals(n.path("ticketId").asText()))
                .map(n -> n.path("title").asText()).toList();
    }

    private static List<String> titles(List<JsonNode> notifications) {
        return notifications.stream().map(n -> n.path("title").asText()).toList();
    }

    private static Map<String, Integer> count(List<String> titles) {
        Map<String, Integer> counts = new HashMap<>();
        titles.forEach(t -> counts.merge(t, 1, Integer::sum));
        return counts;
    }

    private static Set<String> textSet(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static double secondsBetween(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    /** One record per ce_id (delivery is at-least-once), keyed by the ticket, in the order read. */
    private static List<TicketEventLog.Record> distinctEventsOf(List<TicketEventLog.Record> records, String ticketId) {
        Map<String, TicketEventLog.Record> byId = new LinkedHashMap<>();
        for (TicketEventLog.Record record : records) {
            if (ticketId.equals(record.key())) {
                byId.putIfAbsent(record.ceId(), record);
            }
        }
        return new ArrayList<>(byId.values());
    }

    private void assertNoInternalNote(String where, String text) {
        for (String note : new String[] {noteByAnn, noteByAdmin}) {
            if (note != null) {
                assertThat("no internal note in " + where, text, not(containsString(note)));
                // the distinctive part alone, in case a note were shortened or re-encoded
                assertThat("no internal note in " + where, text, not(containsString(note.substring(note.indexOf(':') + 2,
                        note.indexOf(':') + 22))));
            }
        }
    }

    /** Notification-service's stored notification for someone who cannot sign in (null: none yet). */
    private String storedNotificationBody(Person recipient, String title) {
        try (Connection connection = system.database("notification-service");
                PreparedStatement query = connection.prepareStatement(
                        "SELECT body FROM notification WHERE recipient_id = ? AND title = ?")) {
            query.setObject(1, UUID.fromString(recipient.id()));
            query.setString(2, title);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
