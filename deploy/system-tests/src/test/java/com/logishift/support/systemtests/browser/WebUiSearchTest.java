package com.logishift.support.systemtests.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.logishift.support.systemtests.client.Gateway;
import com.logishift.support.systemtests.client.Person;
import com.logishift.support.systemtests.harness.SystemTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Search in the web UI: staff search from the header and land on /search?q=… with the matches marked;
 * the results page survives a reload and opens from a pasted link; the arrow keys and Enter open a
 * result; a customer searches from the hub and finds only their own ticket although another
 * customer's says the same word. Axe on the results page.
 */
@SystemTest
@Order(5) // after the flows, whose screenshot folders they share
class WebUiSearchTest extends Browsing {

    /** A word no other test writes, so the counts are exact. */
    private static final String WORD = word();
    private static final String DIGITS = String.valueOf(100000 + new Random().nextInt(900000));

    private Person admin;
    private Person customer;
    private JsonNode mine;
    private JsonNode theirs;

    private static String word() {
        Random random = new Random();
        StringBuilder word = new StringBuilder("zy");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    @BeforeAll
    void prepare(Gateway gateway) {
        launch(gateway);
        admin = gateway.admin();
        customer = gateway.signIn(gateway.registerCustomer("Search Customer"));
        Person other = gateway.signIn(gateway.registerCustomer("Other Search Customer"));
        mine = createTicket(customer, Map.of("subject", "Search: the " + WORD + " lamp arrived broken", "category", "DAMAGED",
                "description", "The shade of the " + WORD + " lamp is cracked.", "deliveryId", "DLV-2026-" + DIGITS));
        theirs = createTicket(other, Map.of("subject", "Search: another " + WORD + " problem", "category", "LOST",
                "description", "Someone else's " + WORD + " never came."));
    }

    private JsonNode createTicket(Person who, Map<String, Object> body) {
        return Gateway.expect(gateway.as(who).body(body).post("/api/support/tickets/create/"), 201);
    }

    private static Locator results(Page page) {
        return page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Search results"));
    }

    private static Locator hits(Page page) {
        return results(page).getByRole(AriaRole.LINK);
    }

    @Test
    void staffSearchFromTheHeaderSeeMarksKeepThePageOnReloadAndOpenAResultByKeyboard() {
        Screen screen = signedIn(Viewport.DESKTOP, "search-admin", admin, "/admin/support");
        Page page = screen.page();
        Locator box = page.getByRole(AriaRole.SEARCH, new Page.GetByRoleOptions().setName("Quick ticket search"))
                .getByRole(AriaRole.SEARCHBOX, new Locator.GetByRoleOptions().setName("Search tickets"));
        box.fill("  " + WORD + " or lamp ");
        box.press("Enter");
        page.waitForURL("**/search?q=" + WORD + "%20or%20lamp");
        assertThat(hits(page)).hasCount(2);
        // the lamp ticket ranks first (both words), its words marked
        assertThat(hits(page).first()).containsText(mine.path("reference").asText());
        assertThat(hits(page).first().locator("mark").first()).hasText(Pattern.compile(WORD + "|lamp", Pattern.CASE_INSENSITIVE));
        assertThat(hits(page).nth(1)).containsText(theirs.path("reference").asText());
        assertThat(page.getByTestId("search-total")).containsText("2 tickets found");
        noAxeViolations(screen, "search-results-staff");

        page.reload();
        assertThat(hits(page)).hasCount(2);
        assertThat(results(page).locator("mark").first()).isVisible();

        hits(page).first().focus();
        page.keyboard().press("ArrowDown");
        assertThat(hits(page).nth(1)).isFocused();
        page.keyboard().press("ArrowUp");
        assertThat(hits(page).first()).isFocused();
        page.keyboard().press("Enter");
        page.waitForURL("**/support/tickets/" + mine.path("id").asText());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName(mine.path("subject").asText()))).isVisible();
    }

    @Test
    void aCustomerSearchesFromTheHubAndFindsOnlyTheirOwnTicket() {
        Screen screen = signedIn(Viewport.DESKTOP, "search-customer", customer, "/support");
        Page page = screen.page();
        // no header box for customers: the hub has it
        Locator hub = page.getByRole(AriaRole.MAIN).getByRole(AriaRole.SEARCHBOX, new Locator.GetByRoleOptions()
                .setName("Search tickets"));
        assertThat(page.getByRole(AriaRole.BANNER).getByRole(AriaRole.SEARCHBOX)).hasCount(0);
        hub.fill(WORD);
        hub.press("Enter");
        page.waitForURL("**/search?q=" + WORD);
        assertThat(hits(page)).hasCount(1);
        assertThat(hits(page).first()).containsText(mine.path("reference").asText());
        assertThat(page.getByTestId("search-total")).containsText("1 ticket found");
        assertThat(page.getByText(theirs.path("subject").asText())).hasCount(0);
        noAxeViolations(screen, "search-results-customer");

        // a pasted link with part of the delivery id: the marked part shown, also after a reload
        page.navigate("/search?q=" + URLEncoder.encode(DIGITS, StandardCharsets.UTF_8));
        assertThat(hits(page)).hasCount(1);
        Locator delivery = results(page).locator("[data-field=deliveryId]");
        assertThat(delivery).containsText("DLV-2026-" + DIGITS);
        assertThat(delivery.locator("mark")).hasText(DIGITS);
        page.reload();
        assertThat(delivery.locator("mark")).hasText(DIGITS);

        // the other customer's ticket by its reference: nothing
        page.navigate("/search?q=" + URLEncoder.encode(theirs.path("reference").asText(), StandardCharsets.UTF_8));
        assertThat(page.getByText(Pattern.compile("No tickets match"))).isVisible();
        assertThat(hits(page)).hasCount(0);
    }

    private static void noAxeViolations(Screen screen, String step) {
        settled(screen.page());
        String shot = screen.shot(step).getFileName().toString();
        List<String> found = Axe.violations(screen.page());
        assertTrue(found.isEmpty(), shot + ": " + String.join("\n", found));
    }
}
