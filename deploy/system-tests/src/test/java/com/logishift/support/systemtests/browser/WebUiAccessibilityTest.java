package com.logishift.support.systemtests.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.logishift.support.systemtests.client.Gateway;
import com.logishift.support.systemtests.client.Person;
import com.logishift.support.systemtests.client.Poll;
import com.logishift.support.systemtests.harness.SystemTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * axe-core on every page of the web UI, as each role sees it, on the desktop and on the phone, in the
 * states that matter (forms showing their errors, the bell's panel with unread notifications,
 * confirmations open). Any violation fails the test, listed with the page it was found on. Also: the
 * bell's accessible name says what its badge shows, "99+" included (WCAG 2.5.3 label in name).
 */
@SystemTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(5) // after the seed's flows in the browser (their classes empty the screenshot folders first)
class WebUiAccessibilityTest extends Browsing {

    private static final Viewport[] VIEWPORTS = Viewport.values();
    private static final int MANY = 101;

    private Person admin;
    private Person helper;
    private Person customer;
    private Person busyAgent;
    private String customerTicketId;
    private String busyTicketId;
    private String busyTicketReference;
    private Person pendingAgent;

    @BeforeAll
    void prepare(Gateway gateway) {
        launch(gateway);
        admin = gateway.admin();
        List<Person> agents = gateway.approvedAgents(admin, "A11y Helper Agent", "A11y Busy Agent");
        helper = agents.get(0);
        busyAgent = agents.get(1);
        pendingAgent = gateway.registerAgent("A11y Pending Agent");
        Person rejected = gateway.registerAgent("A11y Rejected Agent");
        Gateway.expect(gateway.as(admin).body(Map.of("reason", "We are not hiring in this region right now."))
                .post("/api/admin/reject-agent/" + rejected.id() + "/"), 200);

        // a customer with a resolved ticket (feedback form) and unread notifications about it
        customer = gateway.signIn(gateway.registerCustomer("A11y Customer"));
        customerTicketId = createTicket(customer, "Pallet arrived with a broken corner").path("id").asText();
        assignTo(customerTicketId, helper);
        gateway.as(helper).body(Map.of("status", "IN_PROGRESS"))
                .put("/api/support/tickets/" + customerTicketId + "/update-status/").then().statusCode(200);
        gateway.as(helper).body(Map.of("status", "RESOLVED"))
                .put("/api/support/tickets/" + customerTicketId + "/update-status/").then().statusCode(200);

        // an agent with more than 99 unread notifications: the admin writes notes on their ticket
        JsonNode busy = createTicket(customer, "Second parcel never arrived");
        busyTicketId = busy.path("id").asText();
        busyTicketReference = busy.path("reference").asText();
        assignTo(busyTicketId, busyAgent);
        for (int i = 1; i <= MANY; i++) {
            gateway.as(admin).body(Map.of("body", "Checked with the depot, round " + i + "."))
                    .post("/api/support/tickets/" + busyTicketId + "/add-note/").then().statusCode(201);
        }
        // a ticket in the unassigned queue, so that the dashboards show "Assign to me"
        String queued = createTicket(customer, "Parcel at the wrong depot").path("id").asText();
        JsonNode queuedTicket = Gateway.expect(gateway.as(admin).get("/api/support/tickets/" + queued + "/"), 200);
        if (!queuedTicket.path("assigneeId").isMissingNode() && !queuedTicket.path("assigneeId").isNull()) {
            gateway.as(admin).body(Map.of("unassign", true)).post("/api/support/tickets/" + queued + "/reassign/")
                    .then().statusCode(200);
        }
        Poll.until(busyAgent.name() + " to have more than 99 unread notifications", Duration.ofSeconds(120),
                () -> Gateway.expect(gateway.as(busyAgent).get("/api/notifications/unread-count/"), 200),
                count -> count.path("count").asInt() > 99);
        Poll.until(customer.name() + " to hear that the ticket is resolved",
                () -> gateway.notifications(customer),
                list -> list.stream().anyMatch(n -> n.path("title").asText().toLowerCase().contains("resolved")));
    }

    private JsonNode createTicket(Person who, String subject) {
        return Gateway.expect(gateway.as(who).body(Map.of("subject", subject, "category", "DAMAGED",
                "description", "Photos are attached to the delivery note.", "deliveryId", "DLV-A11Y-1"))
                .post("/api/support/tickets/create/"), 201);
    }

    private void assignTo(String ticketId, Person agent) {
        JsonNode ticket = Gateway.expect(gateway.as(admin).get("/api/support/tickets/" + ticketId + "/"), 200);
        if (!agent.id().equals(ticket.path("assigneeId").asText())) {
            gateway.as(admin).body(Map.of("agentId", agent.id()))
                    .post("/api/support/tickets/" + ticketId + "/reassign/").then().statusCode(200);
        }
    }

    /** Collects the violations of every page a test visits, so that one run names them all. */
    private static final class Audit {
        private final List<String> found = new ArrayList<>();

        void check(Screen screen, String step) {
            settled(screen.page());
            java.nio.file.Path shot = screen.shot(step);
            for (String violation : Axe.violations(screen.page())) {
                found.add(shot.getFileName() + " " + screen.page().url().replaceFirst("^https?://[^/]+", "") + ": " + violation);
            }
        }

        void assertNone() {
            assertTrue(found.isEmpty(), found.size() + " accessibility violations:\n" + String.join("\n", found));
        }
    }

    /** The check itself: a page with known faults must fail it (else a broken set-up would pass everything). */
    @Test
    @Order(0)
    void axeReportsKnownFaults() {
        Screen screen = open(Viewport.DESKTOP, "a11y-canary");
        Page page = screen.page();
        page.navigate("/");
        assertThat(heading(page, "How can we help?")).isVisible();
        page.evaluate("() => { const img = document.createElement('img'); img.src = '/favicon.svg'; document.querySelector('main').append(img);"
                + " const b = document.createElement('button'); document.querySelector('main').append(b);"
                + " const p = document.createElement('p'); p.textContent = 'faint'; p.style.color = '#aaaaaa'; document.querySelector('main').append(p); }");
        List<String> found = Axe.violations(page);
        for (String rule : List.of("image-alt", "button-name", "color-contrast")) {
            assertTrue(found.stream().anyMatch(v -> v.startsWith(rule + " ")), "axe reports " + rule + ": " + found);
        }
    }

    @Test
    @Order(1)
    void pagesEveryoneSees() {
        Audit audit = new Audit();
        for (Viewport viewport : VIEWPORTS) {
            Screen screen = open(viewport, "a11y-anonymous");
            Page page = screen.page();
            page.navigate("/");
            assertThat(heading(page, "How can we help?")).isVisible();
            audit.check(screen, "home");

            page.navigate("/login");
            button(page, "Sign in").click();
            assertThat(page.getByLabel("E-mail")).hasAttribute("aria-invalid", "true");
            audit.check(screen, "login-errors");

            page.navigate("/signup");
            button(page, "Create account").click();
            assertThat(page.getByText("Enter your name.")).isVisible();
            audit.check(screen, "signup-errors");

            page.navigate("/support-agent-register");
            assertThat(heading(page, "Become a support agent")).isVisible();
            audit.check(screen, "agent-registration");
            Person applicant = gateway.newPerson("A11y Applicant " + viewport.dir());
            page.getByLabel("Full name").fill(applicant.name());
            page.getByLabel("E-mail").fill(applicant.email());
            page.getByLabel("Password").fill(applicant.password());
            button(page, "Register as agent").click();
            assertThat(page.getByText("Awaiting approval")).isVisible();
            audit.check(screen, "agent-registration-awaiting-approval");

            page.navigate("/support/faq");
            Locator answers = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Answers"));
            answers.locator(":scope > li summary").first().click();
            assertThat(answers.getByText("sign in to vote").first()).isVisible();
            audit.check(screen, "faq-open-answer");

            page.navigate("/no-such-page");
            assertThat(heading(page, "Page not found")).isVisible();
            audit.check(screen, "not-found");
        }
        audit.assertNone();
    }

    @Test
    @Order(2)
    void pagesACustomerSees() {
        Audit audit = new Audit();
        for (Viewport viewport : VIEWPORTS) {
            Screen screen = signedIn(viewport, "a11y-customer", customer, "/support");
            Page page = screen.page();
            assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Tickets")).getByRole(AriaRole.LISTITEM))
                    .hasCount(3);
            audit.check(screen, "support-hub");

            button(page, "Create new ticket").click();
            button(page, "Submit ticket").click();
            assertThat(page.getByText("Choose what the problem is about.")).isVisible();
            audit.check(screen, "create-ticket-errors");

            go(page, "/support/tickets/" + customerTicketId);
            assertThat(heading(page, "How did we do?")).isVisible();
            audit.check(screen, "ticket-resolved-feedback-form");

            // the bell's panel with unread notifications (their timestamps sit on a tinted background)
            Locator bell = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Notifications: ")));
            assertThat(bell).hasAccessibleName(Pattern.compile("^Notifications: [1-9][0-9]* unread$"));
            bell.click();
            Locator panel = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Notifications"));
            assertThat(panel.getByText("Unread:").first()).isAttached();
            audit.check(screen, "notifications-unread");
            page.keyboard().press("Escape");

            go(page, "/support/faq");
            page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Answers")).locator(":scope > li summary").first().click();
            audit.check(screen, "faq-signed-in");

            go(page, "/agent/dashboard");
            assertThat(heading(page, "Not available for your account")).isVisible();
            audit.check(screen, "not-for-you");
        }
        audit.assertNone();
    }

    @Test
    @Order(3)
    void pagesAnAgentSeesWithMoreThan99Unread() {
        Audit audit = new Audit();
        for (Viewport viewport : VIEWPORTS) {
            Screen screen = signedIn(viewport, "a11y-agent", busyAgent, "/agent/dashboard");
            Page page = screen.page();
            assertThat(page.getByText("Second parcel never arrived").first()).isVisible();
            assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Unassigned tickets"))
                    .getByRole(AriaRole.BUTTON).first()).isVisible();
            audit.check(screen, "dashboard");

            // the badge shows "99+": the button's accessible name must contain what is shown
            Locator bell = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Notifications: ")));
            assertThat(bell).hasText("99+");
            String visible = bell.innerText().strip();
            String name = bell.getAttribute("aria-label");
            assertEquals("99+", visible, "the badge");
            assertTrue(name != null && name.contains(visible), "the bell's accessible name '" + name + "' contains its visible '" + visible + "'");
            bell.click();
            audit.check(screen, "notifications-99-plus");
            page.keyboard().press("Escape");

            go(page, "/support/tickets/" + busyTicketId);
            assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Conversation").setExact(true))
                    .locator("[data-visibility=INTERNAL]")).hasCount(MANY);
            audit.check(screen, "ticket-with-notes");
        }
        audit.assertNone();
    }

    @Test
    @Order(4)
    void pagesAnAdminSees() {
        Audit audit = new Audit();
        for (Viewport viewport : VIEWPORTS) {
            Screen screen = signedIn(viewport, "a11y-admin", admin, "/admin/support");
            Page page = screen.page();
            assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Key figures"))).isVisible();
            audit.check(screen, "admin-overview");

            section(page, "Agents").click();
            Locator pending = page.locator("[data-agent='" + pendingAgent.email() + "']");
            pending.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reject " + pendingAgent.name())).click();
            assertThat(pending.getByLabel(Pattern.compile("^Reason for rejecting"))).isVisible();
            Locator approved = page.locator("[data-account='" + busyAgent.email() + "']");
            showAgent(page, approved);
            approved.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deactivate " + busyAgent.name())).click();
            assertThat(button(approved, "Confirm deactivation")).isVisible();
            audit.check(screen, "admin-agents-confirmations-open");
            button(approved, "Cancel").click();
            button(pending, "Cancel").click();
            button(page, "Rejected").click();
            assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Rejected agents"))).isVisible();
            audit.check(screen, "admin-agents-rejected");

            section(page, "Tickets").click();
            Locator row = page.locator("[data-ticket='" + busyTicketReference + "']");
            button(row, "Reassign " + busyTicketReference).click();
            assertThat(row.getByLabel("New agent for " + busyTicketReference)).isVisible();
            audit.check(screen, "admin-tickets-reassign-open");

            section(page, "FAQ entries").click();
            button(page, "New FAQ entry").click();
            button(page, "Create entry").click();
            assertThat(page.getByText("Write the question.")).isVisible();
            audit.check(screen, "admin-faq-form-errors");
            button(page, "Cancel").click();
            assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("FAQ entries"))).isVisible();
            audit.check(screen, "admin-faq-list");

            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Ticket queue")).click();
            assertThat(heading(page, "Ticket queue")).isVisible();
            audit.check(screen, "admin-ticket-queue");

            go(page, "/support/tickets/" + busyTicketId);
            assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Change status"))).isVisible();
            audit.check(screen, "admin-ticket-detail");
        }
        audit.assertNone();
    }
}
