package com.logishift.support.systemtests.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.logishift.support.systemtests.client.Gateway;
import com.logishift.support.systemtests.client.Json;
import com.logishift.support.systemtests.client.Person;
import com.logishift.support.systemtests.client.Poll;
import com.logishift.support.systemtests.harness.SupportSystem;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The seed's three user flows, clicked through the web UI in a real Chromium as a person would, at
 * one viewport (the subclasses pick desktop or phone). Only what the flow under test needs as
 * context is prepared through the API: a second approved agent who works the customer's ticket in
 * flow 1, and a fresh ticket in the queue for flow 2. After each step the test asserts what the
 * person would see; screenshots go to target/screenshots/&lt;viewport&gt;/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class WebUiFlows extends Browsing {

    private static final Pattern TICKET_URL = Pattern.compile("/support/tickets/([0-9a-f-]{36})$");

    private final Viewport viewport;
    private Person apiAdmin;
    private Person helperAgent;

    /** Flow 2's agent (registered in the UI), later a reassignment target in flow 3. */
    private Person uiAgent;
    private String flow2Reference;

    WebUiFlows(Viewport viewport) {
        this.viewport = viewport;
    }

    @BeforeAll
    void start(Gateway gateway) {
        launch(gateway);
        Screen.clear(viewport);
        apiAdmin = gateway.admin();
        helperAgent = gateway.approvedAgents(apiAdmin, "Helper Agent " + viewport.dir()).get(0);
    }

    private Screen open(String who) {
        return open(viewport, who);
    }

    private static Locator statusBadge(Page page) {
        return page.locator("main [data-status]").first();
    }

    private static String ticketIdFrom(Page page) {
        Matcher m = TICKET_URL.matcher(page.url());
        assertTrue(m.find(), "a ticket page: " + page.url());
        return m.group(1);
    }

    @Test
    @Order(1)
    void customerSignsUpOpensATicketFollowsItLiveAndRatesIt() {
        Person customer = gateway.newPerson("Cleo Customer " + viewport.dir());
        Screen screen = open("customer");
        Page page = screen.page();

        // the start page, as a stranger sees it: no staff pages in the navigation
        page.navigate("/");
        assertThat(heading(page, "How can we help?")).isVisible();
        Locator nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
        assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("FAQ"))).isVisible();
        assertThat(nav.getByText("Agent dashboard")).hasCount(0);
        screen.shot("home");

        // sign-up: the form checks before sending, and shows the server's answer at the field
        link(page, "Create an account").click();
        assertThat(heading(page, "Create your account")).isVisible();
        button(page, "Create account").click();
        assertThat(page.getByText("Enter your name.")).isVisible();
        assertThat(page.getByText("Choose a password.")).isVisible();
        assertThat(page.getByLabel("Full name")).isFocused();
        page.getByLabel("Full name").fill(customer.name());
        page.getByLabel("E-mail").fill(SupportSystem.ADMIN_EMAIL); // taken: the server says so (409)
        page.getByLabel("Password").fill(customer.password());
        button(page, "Create account").click();
        assertThat(page.getByText("An account with this email already exists.")).isVisible();
        assertThat(page.getByLabel("E-mail")).hasAttribute("aria-invalid", "true");
        screen.shot("signup-errors");
        page.getByLabel("E-mail").fill(customer.email());
        button(page, "Create account").click();
        page.waitForURL("**/support");
        assertThat(heading(page, "Support")).isVisible();
        assertThat(page.getByText("You have no tickets yet.")).isVisible();
        assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("My tickets"))).isVisible();
        assertThat(nav.getByText("Support management")).hasCount(0);
        screen.shot("support-hub-empty");

        // a new ticket: subject, category, priority, delivery id, description
        button(page, "Create new ticket").click();
        button(page, "Submit ticket").click();
        assertThat(page.getByText("Choose what the problem is about.")).isVisible();
        String subject = "Parcel arrived crushed (" + viewport.dir() + ")";
        page.getByLabel("Subject").fill(subject);
        page.getByLabel("Category").selectOption("DAMAGED");
        page.getByLabel("Priority").selectOption("HIGH");
        page.getByLabel("Delivery ID").fill("DLV-1001");
        page.getByLabel("Description").fill("The box was flat and the vase inside is broken.");
        assertThat(page.getByText("Maybe already answered:")).isVisible();
        screen.shot("create-ticket-form");
        button(page, "Submit ticket").click();
        Locator created = page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("created"));
        assertThat(created).containsText("SUP-");
        Locator row = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Tickets"))
                .getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText(subject));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("Open");
        assertThat(row).containsText("High priority");
        screen.shot("ticket-created");

        // the ticket's page: timeline and assignment
        row.getByRole(AriaRole.LINK).click();
        page.waitForURL(TICKET_URL);
        String ticketId = ticketIdFrom(page);
        assertThat(heading(page, subject)).isVisible();
        assertThat(statusBadge(page)).hasText("Open");
        assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Status timeline"))).isVisible();
        assertThat(page.getByText("Internal note")).hasCount(0);
        assertThat(button(page, "Internal note")).hasCount(0); // customers only reply
        screen.shot("ticket-detail-open");

        // an agent takes it and works it (through the API): the open page follows live, from the stream
        gateway.as(helperAgent).post("/api/support/tickets/" + ticketId + "/assign-self/").then().statusCode(200);
        assertThat(statusBadge(page)).hasText("In progress");
        assertThat(page.getByTestId("assignee")).hasText(helperAgent.name());
        Locator bell = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^Notifications: [1-9][0-9]* unread$")));
        assertThat(bell).isVisible();
        screen.shot("ticket-in-progress-live");
        gateway.as(helperAgent).body(Map.of("status", "RESOLVED"))
                .put("/api/support/tickets/" + ticketId + "/update-status/").then().statusCode(200);
        assertThat(statusBadge(page)).hasText("Resolved");
        assertThat(heading(page, "How did we do?")).isVisible();

        // the bell lists what happened
        bell.click();
        Locator panel = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Notifications"));
        assertThat(panel).containsText(Pattern.compile("is now resolved", Pattern.CASE_INSENSITIVE));
        screen.shot("notifications-panel");
        button(page, "Mark all as read").click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Notifications: 0 unread"))).isVisible();
        page.keyboard().press("Escape");
        assertThat(panel).isHidden();

        // feedback: a rating is required; sending it closes the ticket
        button(page, "Send feedback").click();
        assertThat(page.getByText("Choose 1 to 5 stars.")).isVisible();
        page.locator("label:has(input[name=rating][value='5'])").click();
        assertThat(page.getByLabel("5 stars")).isChecked();
        page.getByLabel("Comment").fill("Refund arrived quickly, thank you!");
        screen.shot("feedback-form");
        button(page, "Send feedback").click();
        assertThat(page.getByText("Thank you for your feedback! The ticket is now closed.")).isVisible();
        assertThat(statusBadge(page)).hasText("Closed");
        assertThat(page.getByText("“Refund arrived quickly, thank you!”")).isVisible();
        screen.shot("ticket-closed-with-feedback");

        JsonNode ticket = Json.of(gateway.as(apiAdmin)
                .get("/api/support/tickets/" + ticketId + "/").then().statusCode(200).extract().response());
        assertEquals("CLOSED", ticket.path("status").asText(), "the ticket on the server");
        assertEquals(5, ticket.path("feedback").path("rating").asInt(), "the rating on the server");

        // the FAQ: search as you type, open an answer, vote, filter by category
        link(page, "FAQ").click();
        assertThat(heading(page, "Frequently asked questions")).isVisible();
        page.getByLabel("Search the FAQ").pressSequentially("parcel damaged");
        Locator answers = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Answers"));
        Locator entry = answers.locator(":scope > li") // the answers, not the lists inside an answer
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("arrived damaged", Pattern.CASE_INSENSITIVE)))
                .first();
        assertThat(entry).isVisible();
        entry.locator("summary").click();
        Locator yes = entry.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Yes \\(\\d+\\)$")));
        yes.click();
        assertThat(entry.getByText("Thanks for your vote.")).isVisible();
        // the answer's Markdown is shown as formatted text, not as raw markup
        assertThat(entry.locator("ol > li").first()).isVisible();
        assertThat(entry).not().containsText("**");
        assertThat(yes).hasAttribute("aria-pressed", "true");
        screen.shot("faq-search-and-vote");
        page.getByLabel("Search the FAQ").fill("");
        Locator late = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Categories"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Late").setExact(true));
        late.click();
        assertThat(late).hasAttribute("aria-pressed", "true");
        assertThat(page).hasURL(Pattern.compile("category=LATE"));
        assertThat(answers.locator(":scope > li").first()).isVisible();

        // signing out ends the session: the token is gone, and the pages need a new sign-in
        button(page, "Sign out").click();
        page.waitForURL("**/login");
        assertEquals("null", String.valueOf(page.evaluate("() => sessionStorage.getItem('logishift.session')")));
        page.navigate("/support");
        page.waitForURL("**/login?next=%2Fsupport");
        assertThat(heading(page, "Sign in")).isVisible();
        screen.shot("signed-out");
    }

    @Test
    @Order(2)
    void agentRegistersIsApprovedTakesATicketFromTheQueueNotesAndResolvesIt() {
        uiAgent = gateway.newPerson("Ada Agent " + viewport.dir());
        Screen agentScreen = open("agent");
        Page agentPage = agentScreen.page();

        // registration ends in a clear "awaiting approval"
        agentPage.navigate("/");
        link(agentPage, "Become a support agent").click();
        assertThat(heading(agentPage, "Become a support agent")).isVisible();
        agentPage.getByLabel("Full name").fill(uiAgent.name());
        agentPage.getByLabel("E-mail").fill(uiAgent.email());
        agentPage.getByLabel("Password").fill("short");
        button(agentPage, "Register as agent").click();
        assertThat(agentPage.getByText("The password must be 8 to 72 characters.")).isVisible();
        agentPage.getByLabel("Password").fill(uiAgent.password());
        agentPage.getByLabel("Phone").fill("+49 30 1234567");
        agentScreen.shot("agent-registration-form");
        button(agentPage, "Register as agent").click();
        assertThat(agentPage.getByText("Awaiting approval")).isVisible();
        assertThat(agentPage.getByRole(AriaRole.STATUS)).containsText(uiAgent.email());
        agentScreen.shot("awaiting-approval");

        // signing in before approval is refused, with the reason
        link(agentPage, "Go to sign in").click();
        agentPage.getByLabel("E-mail").fill(uiAgent.email());
        agentPage.getByLabel("Password").fill(uiAgent.password());
        button(agentPage, "Sign in").click();
        assertThat(agentPage.getByRole(AriaRole.ALERT)).containsText("awaiting approval");
        assertThat(agentPage).hasURL(Pattern.compile("/login$"));
        agentScreen.shot("pending-sign-in-refused");

        // the admin approves on the admin page
        Screen adminScreen = signedIn(viewport, "admin", gateway.admin(), "/admin/support");
        Page adminPage = adminScreen.page();
        section(adminPage, "Agents").click();
        Locator pending = adminPage.locator("[data-agent='" + uiAgent.email() + "']");
        assertThat(pending).containsText(uiAgent.name());
        adminScreen.shot("pending-approvals");
        pending.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve " + uiAgent.name())).click();
        assertThat(adminPage.getByText(uiAgent.name() + " approved.")).isVisible();
        assertThat(pending).hasCount(0);
        adminScreen.shot("agent-approved");

        // context for the queue: a customer's ticket, put back in the unassigned queue by the admin
        String agentId = agentAccountId(uiAgent.email());
        Poll.until("ticket-service to know " + uiAgent.name() + " as approved", () -> gateway.stats(apiAdmin),
                stats -> stats.path("agentLoad").findValuesAsText("agentId").contains(agentId));
        Person customer = gateway.signIn(gateway.registerCustomer("Queue Customer " + viewport.dir()));
        String subject = "Delivery three days late (" + viewport.dir() + ")";
        JsonNode ticket = Gateway.expect(gateway.as(customer).body(Map.of("subject", subject, "category", "LATE",
                "description", "Promised for Monday, still not here.", "deliveryId", "DLV-2002"))
                .post("/api/support/tickets/create/"), 201);
        String ticketId = ticket.path("id").asText();
        flow2Reference = ticket.path("reference").asText();
        if (!ticket.path("assigneeName").isMissingNode() && !ticket.path("assigneeName").isNull()) {
            gateway.as(apiAdmin).body(Map.of("unassign", true)).post("/api/support/tickets/" + ticketId + "/reassign/")
                    .then().statusCode(200);
        }

        // the approved agent signs in and sees the dashboard with the queue
        signIn(agentScreen, uiAgent, "/agent/dashboard");
        assertThat(heading(agentPage, "Agent dashboard")).isVisible();
        Locator agentNav = agentPage.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
        assertThat(agentNav.getByText("Support management")).hasCount(0);
        assertThat(agentPage.getByText("No tickets assigned to you. Take one from the queue.")).isVisible();
        Locator queued = agentPage.locator("[data-ticket='" + flow2Reference + "']");
        assertThat(queued).containsText(subject);
        agentScreen.shot("agent-dashboard-queue");
        queued.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Assign to me: " + flow2Reference)).click();

        // the ticket is the agent's and in progress
        agentPage.waitForURL("**/support/tickets/" + ticketId);
        assertThat(heading(agentPage, subject)).isVisible();
        assertThat(statusBadge(agentPage)).hasText("In progress");
        assertThat(agentPage.getByTestId("assignee")).hasText(uiAgent.name());
        agentScreen.shot("ticket-taken");

        // an internal note (the reply box's second mode): required, then in the conversation, marked as such
        button(agentPage, "Internal note").click();
        button(agentPage, "Add internal note").click();
        assertThat(agentPage.getByText("Write the note first.")).isVisible();
        agentPage.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Internal note").setExact(true)).fill("Carrier confirmed the delay; new date Thursday.");
        button(agentPage, "Add internal note").click();
        Locator notes = agentPage.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Conversation").setExact(true))
                .locator("[data-visibility=INTERNAL]");
        assertThat(notes).containsText("Carrier confirmed the delay; new date Thursday.");
        assertThat(notes).containsText("Internal note");
        assertThat(notes).containsText(uiAgent.name());
        agentScreen.shot("internal-note-added");

        // only the moves allowed from the current status are offered
        Locator controls = agentPage.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Change status"));
        assertThat(controls.getByRole(AriaRole.BUTTON)).hasText(new String[] {"Put on hold", "Mark resolved"});
        button(agentPage, "Put on hold").click();
        assertThat(statusBadge(agentPage)).hasText("On hold");
        assertThat(controls.getByRole(AriaRole.BUTTON)).hasText(new String[] {"Resume work", "Mark resolved"});
        button(agentPage, "Mark resolved").click();
        assertThat(statusBadge(agentPage)).hasText("Resolved");
        assertThat(agentPage.getByText("Status changed to Resolved.")).isVisible();
        assertThat(controls.getByRole(AriaRole.BUTTON)).hasText(new String[] {"Reopen", "Close ticket"});
        agentScreen.shot("ticket-resolved");

        JsonNode onServer = Json.of(gateway.as(apiAdmin).get("/api/support/tickets/" + ticketId + "/")
                .then().statusCode(200).extract().response());
        assertEquals("RESOLVED", onServer.path("status").asText());
        assertEquals(agentId, onServer.path("assigneeId").asText());
        assertEquals(1, onServer.path("notes").size());
    }

    @Test
    @Order(3)
    void adminFiltersAllTicketsReassignsOneAndReadsTheStats() {
        assertTrue(uiAgent != null && flow2Reference != null, "flow 2 ran first");
        // context: a fresh open ticket, auto-assigned to someone
        Person customer = gateway.signIn(gateway.registerCustomer("Reassign Customer " + viewport.dir()));
        String subject = "Wrong size delivered (" + viewport.dir() + ")";
        JsonNode ticket = Gateway.expect(gateway.as(customer).body(Map.of("subject", subject, "category", "QUALITY",
                "description", "Ordered 40 x 60, got 30 x 40.", "priority", "LOW")).post("/api/support/tickets/create/"), 201);
        String reference = ticket.path("reference").asText();
        String currentAssignee = ticket.path("assigneeName").asText("");
        Person targetAgent = uiAgent.name().equals(currentAssignee) ? helperAgent : uiAgent;
        String target = targetAgent.name();

        Screen screen = signedIn(viewport, "admin", gateway.admin(), "/admin/support");
        Page page = screen.page();
        assertThat(heading(page, "Support management")).isVisible();

        // the stats, with the chart
        Locator figures = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Key figures"));
        assertThat(figures).containsText("Tickets");
        assertThat(figures).containsText("Average rating");
        Locator chart = page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName(Pattern.compile("^Tickets by status: ")));
        assertThat(chart).isVisible();
        assertThat(chart).hasAttribute("aria-label", Pattern.compile("Resolved [1-9]"));
        screen.shot("admin-stats");

        // filters: only resolved tickets, among them flow 2's
        section(page, "Tickets").click();
        Locator all = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("All tickets"));
        assertThat(all.locator("[data-ticket='" + reference + "']")).hasCount(1);
        page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Ticket filters")).getByLabel("Status")
                .selectOption("RESOLVED");
        assertThat(all.locator("[data-ticket='" + reference + "']")).hasCount(0);
        assertThat(all.locator("[data-ticket='" + flow2Reference + "']")).hasCount(1);
        List<String> statuses = all.locator("[data-status]").allTextContents();
        assertFalse(statuses.isEmpty());
        statuses.forEach(s -> assertEquals("Resolved", s, "every listed ticket is resolved: " + statuses));
        screen.shot("admin-filter-resolved");

        // back to open tickets: reassign the new one
        page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Ticket filters")).getByLabel("Status")
                .selectOption("OPEN");
        Locator row = all.locator("[data-ticket='" + reference + "']");
        assertThat(row).containsText(subject);
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reassign " + reference)).click();
        row.getByLabel("New agent for " + reference).selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel(target + " (" + targetAgent.email() + ")")); // agents are told apart by e-mail
        screen.shot("admin-reassign");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByText(reference + " reassigned to " + target + ".")).isVisible();
        assertThat(row.getByTestId("assignee")).hasText("Assigned to " + target);
        screen.shot("admin-reassigned");

        JsonNode onServer = Json.of(gateway.as(apiAdmin).get("/api/support/tickets/" + ticket.path("id").asText() + "/")
                .then().statusCode(200).extract().response());
        assertEquals(target, onServer.path("assigneeName").asText());
        assertNotEquals("", onServer.path("assigneeId").asText());

        // the agent load table names the agents
        section(page, "Overview").click();
        Locator load = page.getByRole(AriaRole.TABLE);
        assertThat(load).containsText(target);
        screen.shot("admin-agent-load");
    }

    @Test
    @Order(4)
    void aRefusedOrExpiredTokenEndsTheSessionCleanly() {
        Screen screen = open("session");
        Page page = screen.page();
        page.navigate("/support/faq");
        assertThat(heading(page, "Frequently asked questions")).isVisible();

        // a token the API refuses (here: a forged signature) ends the session at the first request
        long now = System.currentTimeMillis() / 1000;
        page.evaluate("token => sessionStorage.setItem('logishift.session', token)", fakeToken(now + 600));
        page.navigate("/support");
        page.waitForURL("**/login");
        assertThat(page.getByText("Your session has expired. Please sign in again.")).isVisible();
        assertEquals("null", String.valueOf(page.evaluate("() => sessionStorage.getItem('logishift.session')")));
        assertThat(link(page, "Sign up")).isVisible();
        screen.shot("session-refused");

        // a token past its exp is dropped before anything is sent
        page.evaluate("token => sessionStorage.setItem('logishift.session', token)", fakeToken(now - 60));
        page.navigate("/support");
        page.waitForURL("**/login?next=%2Fsupport");
        assertEquals("null", String.valueOf(page.evaluate("() => sessionStorage.getItem('logishift.session')")));
        assertThat(heading(page, "Sign in")).isVisible();
    }

    /** A JWT with the right shape and claims but a signature no key made. */
    private static String fakeToken(long exp) {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"sub\":\"" + java.util.UUID.randomUUID() + "\",\"groups\":[\"customer\"],"
                + "\"name\":\"Old Session\",\"email\":\"old.session@system.test\",\"iss\":\"https://support.logishift.com\","
                + "\"exp\":" + exp + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return header + "." + payload + "." + b64.encodeToString("not a signature".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private String agentAccountId(String email) {
        JsonNode agents = Gateway.expect(gateway.as(apiAdmin).get("/api/admin/agents/?status=APPROVED&size=100"), 200);
        for (JsonNode agent : agents.path("items")) {
            if (email.equals(agent.path("email").asText())) {
                return agent.path("id").asText();
            }
        }
        throw new AssertionError("no approved agent " + email + " in " + agents);
    }
}
