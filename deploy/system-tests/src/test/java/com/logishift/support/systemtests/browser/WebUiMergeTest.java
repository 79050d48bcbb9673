package com.logishift.support.systemtests.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.logishift.support.systemtests.client.Gateway;
import com.logishift.support.systemtests.client.Person;
import com.logishift.support.systemtests.harness.SystemTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Merging duplicates in the web UI (issue 19): the customer opened two tickets about one delivery and
 * wrote on the newer one, where the agent also left an internal note. The agent's ticket page
 * suggests the older ticket under "Merge into…", asks before merging and then shows the ticket that
 * stays, with the moved message and note. The merged ticket's page (deep link and reload) says where
 * it went and links there; the customer sees that link too, and on the ticket that stays their
 * message but never the note.
 */
@SystemTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(6)
class WebUiMergeTest extends Browsing {

    private static final String NOTE = "Internal: the depot photographed the wet pallet.";
    private static final String MESSAGE = "The second parcel of this delivery is soaked too.";

    private Person agent;
    private Person customer;
    /** The customer's two tickets about one delivery: the one that stays and its duplicate. */
    private JsonNode original, duplicate;

    @BeforeAll
    void prepare(Gateway gateway) {
        launch(gateway);
        Person admin = gateway.admin();
        agent = gateway.approvedAgents(admin, "Merge Agent").get(0);
        customer = gateway.signIn(gateway.registerCustomer("Merge Customer"));
        String delivery = "DLV-MERGE-" + UUID.randomUUID().toString().substring(0, 8);
        original = openTicket("Wet parcel", delivery);
        duplicate = openTicket("Wet parcel again", delivery);
        String id = duplicate.path("id").asText();
        // the duplicate is the agent's (auto-assignment may have given it to anyone approved by now)
        Gateway.expect(gateway.as(admin).body(Map.of("agentId", agent.id())).post("/api/support/tickets/" + id + "/reassign/"), 200);
        Gateway.expect(gateway.as(customer).body(Map.of("body", MESSAGE)).post("/api/support/tickets/" + id + "/messages/"), 201);
        Gateway.expect(gateway.as(agent).body(Map.of("body", NOTE, "visibility", "INTERNAL")).post("/api/support/tickets/" + id + "/messages/"), 201);
    }

    @Test
    @Order(1)
    void theAgentMergesTheSuggestedDuplicateAndLandsOnTheTicketThatStays() {
        String from = duplicate.path("reference").asText();
        String into = original.path("reference").asText();
        Screen screen = signedInAt(Viewport.DESKTOP, "merge-agent", agent, ticketPath(duplicate));
        Page page = screen.page();
        settled(page);

        Locator suggestions = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Possible duplicates"));
        assertThat(suggestions.locator("[data-duplicate='" + original.path("id").asText() + "']")).containsText(into);
        screen.shot("merge-suggested");
        button(suggestions, "Merge into " + into).click();
        Locator confirm = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Confirm the merge"));
        assertThat(confirm).containsText("Merge " + from + " into " + into);
        screen.shot("merge-confirm");
        button(confirm, "Merge").click();

        page.waitForURL("**" + ticketPath(original));
        Locator thread = conversation(page);
        assertThat(thread.getByText(MESSAGE)).isVisible();
        assertThat(thread.getByText(NOTE)).isVisible();
        assertThat(thread.locator("[data-event=MERGED]")).containsText("merged " + from + " into " + into);
        screen.shot("merge-target");

        JsonNode merged = Gateway.expect(gateway.as(agent).get("/api/support/tickets/" + duplicate.path("id").asText() + "/"), 200);
        assertEquals("CLOSED", merged.path("status").asText());
        assertEquals(original.path("id").asText(), merged.path("mergedIntoId").asText());
    }

    @Test
    @Order(2)
    void theMergedTicketsPageLinksToWhereItWentAfterADeepLinkAndAReload() {
        Screen screen = open(Viewport.DESKTOP, "merge-agent-merged");
        signIn(screen, agent, ticketPath(duplicate), ticketPath(duplicate));
        Page page = screen.page();
        String into = original.path("reference").asText();
        assertThat(notice(page)).containsText("was merged into " + into);
        page.reload();
        assertThat(link(page, into)).isVisible();
        // nothing to merge or reply on a merged ticket
        assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Possible duplicates"))).hasCount(0);
        assertThat(button(page, "Merge")).hasCount(0);
        screen.shot("merged-ticket");
        link(page, into).click();
        page.waitForURL("**" + ticketPath(original));
        assertThat(conversation(page).getByText(MESSAGE)).isVisible();
    }

    @Test
    @Order(3)
    void theCustomerFollowsTheLinkAndNeverSeesTheNote() {
        String into = original.path("reference").asText();
        for (Viewport viewport : List.of(Viewport.DESKTOP, Viewport.PHONE)) {
            Screen screen = signedInAt(viewport, "merge-customer", customer, ticketPath(duplicate));
            Page page = screen.page();
            assertThat(notice(page)).containsText("was merged into " + into);
            page.reload();
            link(page, into).click();
            page.waitForURL("**" + ticketPath(original));
            Locator thread = conversation(page);
            assertThat(thread.getByText(MESSAGE)).isVisible();
            assertThat(thread.locator("[data-event=MERGED]")).hasCount(1);
            settled(page);
            assertThat(page.getByText(NOTE)).hasCount(0);
            assertThat(page.locator("[data-visibility=INTERNAL]")).hasCount(0);
            screen.shot("merge-customer-target");
        }
    }

    private JsonNode openTicket(String subject, String delivery) {
        return Gateway.expect(gateway.as(customer).body(Map.of("subject", subject, "category", "DAMAGED", "deliveryId", delivery,
                "description", "Opened by the merge browser test.")).post("/api/support/tickets/create/"), 201);
    }

    private static String ticketPath(JsonNode ticket) {
        return "/support/tickets/" + ticket.path("id").asText();
    }

    private static Locator conversation(Page page) {
        return page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Conversation").setExact(true));
    }

    private static Locator notice(Page page) {
        return page.getByTestId("merged-notice");
    }
}
