package com.logishift.support.systemtests.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.logishift.support.systemtests.client.Gateway;
import com.logishift.support.systemtests.client.Json;
import com.logishift.support.systemtests.client.Person;
import com.logishift.support.systemtests.client.Poll;
import com.logishift.support.systemtests.harness.SystemTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * What trying the web UI as a new user found (issue 13, items 1 to 9), one test per defect, each on
 * the screen where it shows. Every test signs in through the login page and then moves inside the
 * app as a click would (no page load), except where the page load itself is under test (item 1).
 * The context each test needs (tickets in a given state, agents) is prepared through the API.
 */
@SystemTest
@Order(5) // after the flows, whose screenshot folders they share
class WebUiHardeningTest extends Browsing {

    /** The bell's accessible name: the count, or "99+" (what it shows) above 99. */
    private static final Pattern BELL = Pattern.compile("^Notifications: (\\d+|99\\+) unread$");

    private Person admin;

    @BeforeAll
    void start(Gateway gateway) {
        launch(gateway);
        admin = gateway.admin();
    }

    // ---- item 1: a reload, a pasted link or a new tab keeps the session -------------------------

    @Test
    void everySignedInPageLoadsOnReloadOnAPastedLinkAndInANewTab() {
        Person customer = gateway.signIn(gateway.registerCustomer("Reload Customer"));
        String subject = "Reload: parcel never arrived";
        JsonNode ticket = createTicket(customer, Map.of("subject", subject, "category", "LOST",
                "description", "Tracking says delivered, nothing here."));
        String ticketId = ticket.path("id").asText();
        String reference = ticket.path("reference").asText();
        Person agent = approvedAgent("Reload Agent");
        reassign(ticketId, agent);
        // each person has something unread, so the bell's first load shows in its count
        gateway.awaitNotification(customer, "any notification", n -> true);
        gateway.awaitNotification(agent, "the assignment of " + reference, n -> ticketId.equals(n.path("ticketId").asText()));

        Consumer<Page> ticketPage = page -> {
            assertThat(heading(page, subject)).isVisible();
            assertThat(statusBadge(page)).hasText("Open");
        };

        everyPageEveryWayIn("reload-customer", customer,
                new SignedInPage("/support", page -> {
                    assertThat(heading(page, "Support")).isVisible();
                    assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Tickets"))
                            .locator("[data-ticket='" + reference + "']")).containsText(subject);
                }),
                new SignedInPage("/support/tickets/" + ticketId, ticketPage));
        everyPageEveryWayIn("reload-agent", agent,
                new SignedInPage("/agent/dashboard", page -> {
                    assertThat(heading(page, "Agent dashboard")).isVisible();
                    assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Tickets").setExact(true))
                            .locator("[data-ticket='" + reference + "']")).containsText(subject);
                }),
                new SignedInPage("/support/tickets/" + ticketId, ticketPage));
        everyPageEveryWayIn("reload-admin", admin,
                new SignedInPage("/admin/support", page -> {
                    assertThat(heading(page, "Support management")).isVisible();
                    assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Key figures")))
                            .containsText("Tickets");
                }),
                new SignedInPage("/admin/support/tickets", page -> {
                    assertThat(heading(page, "Support management")).isVisible();
                    assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("All tickets"))
                            .locator("[data-ticket]").first()).isVisible();
                }),
                new SignedInPage("/agent/dashboard", page -> {
                    assertThat(heading(page, "Ticket queue")).isVisible();
                    assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Counts")))
                            .containsText(Pattern.compile("\\d+\\s*Unassigned queue"));
                }),
                new SignedInPage("/support/tickets/" + ticketId, ticketPage));
    }

    /** A page of a signed-in person: its path and what it must show. */
    private record SignedInPage(String path, Consumer<Page> content) {
    }

    /** Signs the person in on a screen of their own, landing on the first page, then loads each page every way in. */
    private void everyPageEveryWayIn(String who, Person person, SignedInPage... pages) {
        Screen screen = signedIn(Viewport.DESKTOP, who, person, pages[0].path());
        for (SignedInPage page : pages) {
            everyWayIn(screen, person, page.path(), page.content());
        }
    }

    /** The page at this path, loaded three ways: the address pasted into the tab, F5, a new tab. */
    private void everyWayIn(Screen screen, Person person, String path, Consumer<Page> content) {
        Page page = screen.page();
        List<String> refused = refusedRequests(page);

        refused.clear();
        page.navigate(path);
        assertSignedInPage(screen, page, person, path + " (address pasted)", content, refused);

        refused.clear();
        page.reload();
        assertSignedInPage(screen, page, person, path + " (reloaded)", content, refused);

        // a new tab opened from this one starts with a copy of its sessionStorage, so with the session
        Page tab = page.waitForPopup(() -> page.evaluate("path => { window.open(path, '_blank') }", path));
        List<String> tabErrors = Collections.synchronizedList(new ArrayList<>());
        tab.onPageError(error -> tabErrors.add(error));
        List<String> tabRefused = refusedRequests(tab);
        tab.waitForURL("**" + path);
        assertSignedInPage(screen, tab, person, path + " (new tab)", content, tabRefused);
        assertTrue(tabErrors.isEmpty(), "the new tab reported errors: " + tabErrors);
        tab.close();
    }

    private static String bellName(long unread) {
        return "Notifications: " + (unread > 99 ? "99+" : String.valueOf(unread)) + " unread";
    }

    private void assertSignedInPage(Screen screen, Page page, Person person, String what, Consumer<Page> content,
            List<String> refused) {
        content.accept(page);
        assertThat(page.getByText("A bearer token is required.")).hasCount(0);
        // the bell: its first load counted what is unread, and its live stream is open
        Locator bell = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(BELL));
        assertThat(bell).hasAttribute("data-live", "true");
        Poll.until("the bell on " + what + " to show " + person.name() + "'s unread count",
                () -> List.of(String.valueOf(bell.getAttribute("aria-label")), bellName(unreadCount(person))),
                pair -> pair.get(0).equals(pair.get(1)));
        assertTrue(refused.isEmpty(), what + ": requests refused for want of the token: " + refused);
        if (page == screen.page()) {
            screen.shot(what);
        }
    }

    /** The page's API requests answered 401, from now on (the list fills as the page runs). */
    private static List<String> refusedRequests(Page page) {
        List<String> refused = Collections.synchronizedList(new ArrayList<>());
        page.onResponse((Response response) -> {
            if (response.status() == 401 && response.url().contains("/api/")) {
                refused.add(response.request().method() + " " + response.url());
            }
        });
        return refused;
    }

    private long unreadCount(Person person) {
        return Gateway.expect(gateway.as(person).get("/api/notifications/unread-count/"), 200).path("count").asLong();
    }

    // ---- item 2: a corrected field drops its error at once ---------------------------------------

    @Test
    void aCorrectedFieldDropsItsErrorAtOnce() {
        Person customer = gateway.registerCustomer("Correcting Customer");
        Screen screen = signedIn(Viewport.DESKTOP, "corrections", customer, "/support");
        Page page = screen.page();
        button(page, "Create new ticket").click();
        page.getByLabel("Subject").fill("Table top scratched");
        page.getByLabel("Category").selectOption("QUALITY");
        page.getByLabel("Delivery ID").fill("DLV 1001!");
        button(page, "Submit ticket").click();
        Locator deliveryError = page.getByText("A delivery reference has letters, digits and . _ : / - (at most 64).");
        Locator descriptionError = page.getByText("Describe the problem.");
        assertThat(deliveryError).isVisible();
        assertThat(descriptionError).isVisible();
        screen.shot("errors-shown");

        page.getByLabel("Delivery ID").fill("DLV-1001");
        assertThat(deliveryError).hasCount(0);
        assertThat(page.getByLabel("Delivery ID")).not().hasAttribute("aria-invalid", "true");
        assertThat(descriptionError).isVisible(); // the other field is not corrected yet
        page.getByLabel("Description").fill("A deep scratch across the whole top.");
        assertThat(descriptionError).hasCount(0);
        assertThat(page.getByLabel("Description")).not().hasAttribute("aria-invalid", "true");
        screen.shot("errors-gone-when-corrected");

        button(page, "Submit ticket").click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("created"))).containsText("SUP-");
    }

    // ---- item 3: length limits are counted and refused, never cut --------------------------------

    @Test
    void anOverlongSubjectIsCountedAndRefusedNotCut() {
        Person customer = gateway.signIn(gateway.registerCustomer("Verbose Customer"));
        Screen screen = signedIn(Viewport.DESKTOP, "length-limits", customer, "/support");
        Page page = screen.page();
        button(page, "Create new ticket").click();
        String subject201 = "Parcel arrived soaking wet and ruined: " + "w".repeat(201 - 39);
        Locator subjectField = page.getByLabel("Subject");
        subjectField.fill(subject201);
        assertThat(subjectField).hasValue(subject201); // nothing cut
        Locator counts = page.getByTestId("char-count");
        assertThat(counts.first()).hasText("201 / 200 characters — 1 too many");
        page.getByLabel("Category").selectOption("DAMAGED");
        page.getByLabel("Description").fill("Everything inside is wet.");
        assertThat(counts.last()).hasText("25 / 10,000 characters");
        button(page, "Submit ticket").click();
        assertThat(page.getByText("The subject must be 3 to 200 characters.")).isVisible();
        assertThat(subjectField).isFocused();
        screen.shot("subject-too-long");
        assertEquals(0, Gateway.expect(gateway.as(customer).get("/api/support/tickets/"), 200).path("total").asInt(),
                "nothing was sent");

        subjectField.press("End");
        subjectField.press("Backspace");
        assertThat(counts.first()).hasText("200 / 200 characters");
        button(page, "Submit ticket").click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("created"))).containsText("SUP-");
        JsonNode created = Json.items(Gateway.expect(gateway.as(customer).get("/api/support/tickets/"), 200)).get(0);
        assertEquals(subject201.substring(0, 200), created.path("subject").asText());
    }

    // ---- item 4: long unbroken words fit a phone -------------------------------------------------

    @Test
    void longUnbrokenTextFitsThePhone() {
        // one word each; the e-mail addresses follow the names (the API allows 64 characters before the @)
        Person customer = gateway.signIn(gateway.registerCustomer("Maximiliane-Konstantina-Friederike-Wilhelmina"));
        String subject = ("https://track.logishift.example/parcel/" + "0123456789abcdef".repeat(20)).substring(0, 200);
        String deliveryId = ("DLV-" + "9876543210ABCDEFGHIJ".repeat(4)).substring(0, 64);
        String description = "Seeattachedtrackinglog:" + "0123456789".repeat(40);
        JsonNode mine = createTicket(customer, Map.of("subject", subject, "category", "LOST", "description", description,
                "deliveryId", deliveryId));
        JsonNode queued = createTicket(customer, Map.of("subject", subject.replace("parcel", "queued"), "category", "LATE",
                "description", description, "deliveryId", deliveryId));
        Person agent = approvedAgent("Bartholomaeus-Konstantinopolitanischer-Pfeifer");
        reassign(mine.path("id").asText(), agent);
        gateway.as(admin).body(Map.of("unassign", true)).post("/api/support/tickets/" + queued.path("id").asText() + "/reassign/")
                .then().statusCode(200);
        gateway.registerAgent("Wilhelmina-Konstantinopolitanische-Bewerberin");

        Screen customerScreen = signedIn(Viewport.PHONE, "long-text-customer", customer, "/support");
        Page page = customerScreen.page();
        assertThat(page.locator("[data-ticket='" + mine.path("reference").asText() + "']")).containsText(subject);
        assertAsWideAsThePhone(customerScreen, "support-hub");
        go(page, "/support/tickets/" + mine.path("id").asText());
        assertThat(heading(page, subject)).isVisible();
        assertThat(page.getByText(deliveryId)).isVisible();
        assertAsWideAsThePhone(customerScreen, "ticket-customer");

        Screen agentScreen = signedIn(Viewport.PHONE, "long-text-agent", agent, "/agent/dashboard");
        Page agentPage = agentScreen.page();
        assertThat(agentPage.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Tickets").setExact(true))
                .locator("[data-ticket='" + mine.path("reference").asText() + "']")).containsText(customer.name());
        assertThat(agentPage.locator("[data-ticket='" + queued.path("reference").asText() + "']")).isVisible();
        assertAsWideAsThePhone(agentScreen, "agent-dashboard");
        go(agentPage, "/support/tickets/" + mine.path("id").asText());
        assertThat(agentPage.getByText(customer.email())).isVisible();
        assertAsWideAsThePhone(agentScreen, "ticket-agent");

        Screen adminScreen = signedIn(Viewport.PHONE, "long-text-admin", admin, "/admin/support");
        Page adminPage = adminScreen.page();
        assertThat(adminPage.getByRole(AriaRole.TABLE)).containsText(agent.name());
        assertAsWideAsThePhone(adminScreen, "admin");
        go(adminPage, "/admin/support/tickets");
        assertThat(adminPage.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("All tickets"))
                .locator("[data-ticket='" + mine.path("reference").asText() + "']")).containsText(agent.name());
        assertAsWideAsThePhone(adminScreen, "admin-tickets");
        go(adminPage, "/admin/support/agents");
        assertThat(heading(adminPage, "Agent accounts")).isVisible();
        assertAsWideAsThePhone(adminScreen, "admin-agents");
        go(adminPage, "/agent/dashboard");
        assertThat(adminPage.locator("[data-ticket='" + queued.path("reference").asText() + "']")).isVisible();
        assertAsWideAsThePhone(adminScreen, "admin-queue");
    }

    private static void assertAsWideAsThePhone(Screen screen, String where) {
        Page page = screen.page();
        screen.shot(where);
        Object width = page.evaluate("() => document.documentElement.scrollWidth");
        assertEquals(page.viewportSize().width, ((Number) width).intValue(), where + ": the document is as wide as the phone");
    }

    // ---- item 5: a confirmation goes once the ticket has moved on --------------------------------

    @Test
    void aConfirmationGoesOnceTheTicketHasMovedOn() {
        Person customer = gateway.signIn(gateway.registerCustomer("Rating Customer"));
        Person agent = approvedAgent("Banner Agent");
        String ticketId = startedTicket(customer, agent, Map.of("subject", "Confirmation: wrong colour delivered",
                "category", "QUALITY", "description", "Red, not blue.")).path("id").asText();

        Screen screen = signedIn(Viewport.DESKTOP, "stale-banner", agent, "/agent/dashboard");
        Page page = screen.page();
        go(page, "/support/tickets/" + ticketId);
        assertThat(statusBadge(page)).hasText("In progress");
        button(page, "Mark resolved").click();
        Locator banner = page.getByText("Status changed to Resolved.");
        assertThat(banner).isVisible();
        assertThat(statusBadge(page)).hasText("Resolved");

        // the customer rates it, which closes it; the agent's page follows live
        Gateway.expect(gateway.as(customer).body(Map.of("rating", 4)).post("/api/support/tickets/" + ticketId + "/feedback/"),
                201);
        assertThat(statusBadge(page)).hasText("Closed");
        assertThat(banner).hasCount(0);
        screen.shot("closed-without-stale-banner");
    }

    // ---- item 6: conflicts name statuses as people read them -------------------------------------

    @Test
    void aConflictNamesStatusesAsPeopleReadThem() {
        Person customer = gateway.signIn(gateway.registerCustomer("Conflict Customer"));
        Person agent = approvedAgent("Conflict Agent");
        JsonNode ticket = startedTicket(customer, agent, Map.of("subject", "Conflict: parcel opened", "category", "DAMAGED",
                "description", "The tape was cut."));
        String ticketId = ticket.path("id").asText();
        String reference = ticket.path("reference").asText();

        Screen screen = open(Viewport.DESKTOP, "conflict");
        Page page = screen.page();
        // no live stream on this page: it keeps showing In progress while the ticket moves on elsewhere
        page.route("**/api/notifications/stream/**", route -> route.abort());
        page.route("**/api/support/tickets/" + ticketId + "/stream/**", route -> route.abort());
        signIn(screen, agent, "/agent/dashboard");
        go(page, "/support/tickets/" + ticketId);
        assertThat(statusBadge(page)).hasText("In progress");
        gateway.as(agent).body(Map.of("status", "RESOLVED")).put("/api/support/tickets/" + ticketId + "/update-status/")
                .then().statusCode(200);
        button(page, "Put on hold").click();
        Locator alert = page.getByRole(AriaRole.ALERT);
        assertThat(alert).containsText(reference + " is Resolved and cannot move to On hold");
        assertThat(alert).containsText("In progress, Closed");
        assertThat(alert).not().containsText(Pattern.compile("RESOLVED|ON_HOLD|IN_PROGRESS|CLOSED"));
        assertThat(statusBadge(page)).hasText("Resolved"); // and the page shows where the ticket is now
        screen.shot("conflict-in-words");
    }

    // ---- item 7: agents with the same name are told apart ----------------------------------------

    @Test
    void agentsWithTheSameNameAreToldApartByTheirEmail() {
        Person first = approvedAgent("Sam Twin");
        Person second = approvedAgent("Sam Twin");
        Person customer = gateway.signIn(gateway.registerCustomer("Twin Customer"));
        JsonNode ticket = createTicket(customer, Map.of("subject", "Twins: box too small", "category", "OTHER",
                "description", "Please check the size."));
        String ticketId = ticket.path("id").asText();
        String reference = ticket.path("reference").asText();
        reassign(ticketId, first);

        Screen screen = signedIn(Viewport.DESKTOP, "same-names", admin, "/admin/support");
        Page page = screen.page();
        Locator load = page.getByRole(AriaRole.TABLE);
        assertThat(load.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(first.email()))).containsText("Sam Twin");
        assertThat(load.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(second.email()))).containsText("Sam Twin");

        go(page, "/admin/support/tickets");
        Locator assignee = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Ticket filters")).getByLabel("Assignee");
        assignee.selectOption(new SelectOption().setLabel("Sam Twin (" + first.email() + ")"));
        Locator all = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("All tickets"));
        Locator row = all.locator("[data-ticket='" + reference + "']");
        assertThat(row).containsText("Assigned to Sam Twin");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reassign " + reference)).click();
        Locator choice = row.getByLabel("New agent for " + reference);
        choice.selectOption(new SelectOption().setLabel("Sam Twin (" + second.email() + ")"));
        screen.shot("reassign-to-the-other-sam");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByText(reference + " reassigned to Sam Twin.")).isVisible();
        Poll.until(reference + " to be the second Sam's", () -> Gateway.expect(gateway.as(admin).get("/api/support/tickets/" + ticketId + "/"), 200),
                t -> second.id().equals(t.path("assigneeId").asText()));
    }

    // ---- item 8: each number counts what its label says ------------------------------------------

    @Test
    void eachNumberCountsWhatItsLabelSays() {
        Person customer = gateway.signIn(gateway.registerCustomer("Counting Customer"));
        Person agent = approvedAgent("Counting Agent");
        startedTicket(customer, agent, "Counts: in progress");
        String closed = startedTicket(customer, agent, "Counts: closed");
        String onHold = startedTicket(customer, agent, "Counts: on hold");
        gateway.as(agent).body(Map.of("status", "RESOLVED")).put("/api/support/tickets/" + closed + "/update-status/").then().statusCode(200);
        Gateway.expect(gateway.as(customer).body(Map.of("rating", 5)).post("/api/support/tickets/" + closed + "/feedback/"), 201);
        gateway.as(agent).body(Map.of("status", "ON_HOLD")).put("/api/support/tickets/" + onHold + "/update-status/").then().statusCode(200);

        // the agent's "assigned to me" is what the list beside it shows
        Screen screen = signedIn(Viewport.DESKTOP, "counts", agent, "/agent/dashboard");
        Page page = screen.page();
        Locator mine = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Tickets").setExact(true));
        assertThat(mine.getByRole(AriaRole.LISTITEM)).hasCount(2);
        Locator counts = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Counts"));
        Locator assignedTile = counts.locator(":scope > div").filter(new Locator.FilterOptions().setHasText("Assigned to me"));
        assertThat(assignedTile.locator("div").first()).hasText(String.valueOf(mine.getByRole(AriaRole.LISTITEM).count()));
        assertThat(counts.locator(":scope > div").filter(new Locator.FilterOptions().setHasText("On hold")).locator("div").first()).hasText("1");
        screen.shot("agent-counts-match-the-list");

        // the timeline puts the time work started under "In progress", and "On hold" has no time of its own
        go(page, "/support/tickets/" + onHold);
        assertThat(statusBadge(page)).hasText("On hold");
        Locator timeline = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Status timeline"));
        Locator inProgressStep = timeline.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText("In progress"));
        assertThat(inProgressStep).hasCount(1);
        assertThat(inProgressStep.locator("span.text-xs")).hasText(Pattern.compile("\\d"));
        Locator onHoldStep = timeline.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText("On hold"));
        assertThat(onHoldStep).hasCount(1);
        assertThat(onHoldStep).hasAttribute("aria-current", "step");
        assertThat(onHoldStep.locator("span.text-xs")).hasCount(0);
        screen.shot("timeline-on-hold");

        // the admin is nobody's assignee: the queue page counts no "assigned to me"
        Screen adminScreen = signedIn(Viewport.DESKTOP, "counts-admin", admin, "/admin/support");
        Page adminPage = adminScreen.page();
        go(adminPage, "/agent/dashboard");
        assertThat(heading(adminPage, "Ticket queue")).isVisible();
        Locator adminCounts = adminPage.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Counts"));
        assertThat(adminCounts).containsText(Pattern.compile("\\d+\\s*Unassigned queue"));
        assertThat(adminCounts).not().containsText("Assigned to me");
        adminScreen.shot("admin-queue-counts");
    }

    // ---- item 9: the lock-out says how long to wait ----------------------------------------------

    @Test
    void theLockOutSaysHowLongToWait() {
        Person customer = gateway.registerCustomer("Forgetful Customer");
        Screen screen = open(Viewport.DESKTOP, "lock-out");
        Page page = screen.page();
        page.navigate("/login");
        page.getByLabel("E-mail").fill(customer.email());
        int status = 0;
        for (int attempt = 1; attempt <= 10 && status != 429; attempt++) {
            page.getByLabel("Password").fill("not my password " + attempt);
            Response answer = page.waitForResponse(r -> r.url().endsWith("/api/auth/login/"),
                    () -> button(page, "Sign in").click());
            status = answer.status();
        }
        assertEquals(429, status, "repeated wrong passwords lock the account");
        assertThat(page.getByRole(AriaRole.ALERT)).hasText(
                Pattern.compile("^Too many attempts — try again in \\d+ (minutes|seconds)\\.$"));
        screen.shot("locked-out-with-wait");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private Person approvedAgent(String name) {
        return gateway.approvedAgents(admin, name).get(0);
    }

    private JsonNode createTicket(Person customer, Map<String, Object> body) {
        Map<String, Object> withPriority = new HashMap<>(body);
        withPriority.putIfAbsent("priority", "MEDIUM");
        return Gateway.expect(gateway.as(customer).body(withPriority).post("/api/support/tickets/create/"), 201);
    }

    private void reassign(String ticketId, Person agent) {
        gateway.as(admin).body(Map.of("agentId", agent.id())).post("/api/support/tickets/" + ticketId + "/reassign/")
                .then().statusCode(200);
    }

    /** A new ticket of this customer, assigned to the agent and in progress. */
    private JsonNode startedTicket(Person customer, Person agent, Map<String, Object> body) {
        JsonNode ticket = createTicket(customer, body);
        String id = ticket.path("id").asText();
        reassign(id, agent);
        gateway.as(agent).post("/api/support/tickets/" + id + "/assign-self/").then().statusCode(200);
        return ticket;
    }

    /** A started ticket to be counted, where only its subject matters; returns its id. */
    private String startedTicket(Person customer, Person agent, String subject) {
        return startedTicket(customer, agent, Map.of("subject", subject, "category", "OTHER", "description", "Counting."))
                .path("id").asText();
    }

    private static Locator statusBadge(Page page) {
        return page.locator("main [data-status]").first();
    }
}
