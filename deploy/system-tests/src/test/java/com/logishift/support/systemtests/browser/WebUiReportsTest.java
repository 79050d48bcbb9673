package com.logishift.support.systemtests.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.systemtests.client.Gateway;
import com.logishift.support.systemtests.client.Person;
import com.logishift.support.systemtests.harness.SystemTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Reports in the web UI (issue 20): a ticket opened, answered and resolved through the API shows up in
 * the admin's report of the last days; the page is reached from the admin navigation and by a deep
 * link, keeps its settings in the address through a reload, draws eight charts each with a data table,
 * refuses a wrong range in place, and fits a 390 px phone. Screenshots and axe on desktop and phone.
 */
@SystemTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(6)
class WebUiReportsTest extends Browsing {

    private static final String PAGE = "/admin/support/reports";
    private static final List<String> CHARTS = List.of("Tickets created", "Tickets resolved", "Backlog (not resolved at the end)",
            "First response (median)", "Resolution time (median)", "Resolution SLA met", "Satisfaction (average of 1–5)",
            "Reopened later");

    private Person admin;
    private String range;

    @BeforeAll
    void prepare(Gateway gateway) {
        launch(gateway);
        admin = gateway.admin();
        Person agent = gateway.registerAgent("Report Agent");
        gateway.approve(admin, agent);
        gateway.signIn(agent);
        gateway.awaitApprovedInTicketService(admin, agent);
        Person customer = gateway.signIn(gateway.registerCustomer("Report Customer"));
        String id = Gateway.expect(gateway.as(customer).body(Map.of("subject", "Parcel for the report", "category", "LATE",
                "priority", "HIGH", "description", "Opened by the reports browser test.")).post("/api/support/tickets/create/"), 201)
                .path("id").asText();
        Gateway.expect(gateway.as(admin).body(Map.of("agentId", agent.id())).post("/api/support/tickets/" + id + "/reassign/"), 200);
        Gateway.expect(gateway.as(agent).body(Map.of("body", "On it.", "visibility", "PUBLIC"))
                .post("/api/support/tickets/" + id + "/messages/"), 201);
        for (String status : List.of("IN_PROGRESS", "RESOLVED")) {
            Gateway.expect(gateway.as(agent).body(Map.of("status", status)).put("/api/support/tickets/" + id + "/update-status/"), 200);
        }
        // the days around today in the SLA policy's zone (Europe/Berlin) whatever the machine's zone
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        range = "from=" + today.minusDays(3) + "&to=" + today.plusDays(2);
    }

    @Test
    @Order(1)
    void aDeepLinkShowsTheChartsAndTheirTablesAndSurvivesAReload() {
        Screen screen = report(Viewport.DESKTOP, "interval=day&groupBy=none");
        Page page = screen.page();
        assertThat(chartOf(page, "Tickets created").locator("svg.recharts-surface").first()).isVisible();
        // the numbers behind the chart: this test's ticket counted among the days' tickets
        Locator created = chartOf(page, "Tickets created");
        created.getByText("Data table: Tickets created").click();
        Locator table = created.getByRole(AriaRole.TABLE);
        assertThat(table).isVisible();
        assertEquals(5, table.locator("tbody tr").count(), "five days");
        assertTrue(sum(table) >= 1, "created in the last days: " + table.innerText());
        screen.shot("reports-days");

        // the settings go into the address: grouped by priority, by week, and the same after a reload
        page.getByLabel("Group by").selectOption("priority");
        page.getByLabel("Interval").selectOption("week");
        button(page, "Show report").click();
        page.waitForURL("**" + PAGE + "?" + range + "&interval=week&groupBy=priority");
        page.reload();
        assertThat(page.getByLabel("Group by")).hasValue("priority");
        Locator resolved = chartOf(page, "Tickets resolved");
        resolved.getByText("Data table: Tickets resolved").click();
        assertThat(resolved.getByRole(AriaRole.COLUMNHEADER, new Locator.GetByRoleOptions().setName("High").setExact(true))).isVisible();
        assertTrue(sum(resolved.getByRole(AriaRole.TABLE)) >= 1, "resolved: " + resolved.innerText());
        axe(screen, "reports-by-priority");

        // a range the service refuses is shown at its field
        page.getByLabel("To (not included)").fill("2020-01-01");
        button(page, "Show report").click();
        assertThat(page.getByLabel("To (not included)")).hasAttribute("aria-invalid", "true");
        screen.shot("reports-refused-range");
    }

    @Test
    @Order(2)
    void onAPhoneTheReportFitsTheScreen() {
        Screen screen = report(Viewport.PHONE, "interval=day&groupBy=category");
        Page page = screen.page();
        Locator backlog = chartOf(page, "Backlog (not resolved at the end)");
        backlog.getByText("Data table: Backlog (not resolved at the end)").click();
        assertThat(backlog.getByRole(AriaRole.TABLE)).isVisible();
        settled(page);
        Number overflow = (Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertTrue(overflow.intValue() <= 0, "the page is " + overflow + " px wider than the phone");
        axe(screen, "reports-phone");
    }

    /** Signs the admin in straight to a report (a deep link) and waits for its eight charts. */
    private Screen report(Viewport viewport, String query) {
        String path = PAGE + "?" + range + "&" + query;
        Screen screen = signedInAt(viewport, "reports", admin, path);
        assertThat(section(screen.page(), "Reports")).hasAttribute("aria-current", "page");
        for (String chart : CHARTS) {
            assertThat(chartOf(screen.page(), chart)).isVisible();
        }
        return screen;
    }

    private static Locator chartOf(Page page, String title) {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(title).setExact(true));
    }

    /** The sum of a data table's numbers (a dash is no number). */
    @SuppressWarnings("unchecked")
    private static int sum(Locator table) {
        List<String> cells = (List<String>) table.locator("tbody td").evaluateAll("cells => cells.map(c => c.textContent)");
        return cells.stream().filter(c -> c.matches("\\d+")).mapToInt(Integer::parseInt).sum();
    }

    private static void axe(Screen screen, String step) {
        settled(screen.page());
        java.nio.file.Path shot = screen.shot(step);
        List<String> found = Axe.violations(screen.page());
        assertTrue(found.isEmpty(), shot.getFileName() + ": " + found);
    }
}
