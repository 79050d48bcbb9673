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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The preferences page (e-mail out): reached from the header, a customer switches e-mail for replies
 * off and the language to German; after a reload (and through a deep link) both are still so, and the
 * service holds the same. The in-app switch of the same kind is untouched; a kind that is never
 * mailed to customers shows no e-mail switch.
 */
@SystemTest
@Order(8)
class WebUiPreferencesTest extends Browsing {

    private static final String REPLIES = "com.logishift.support.ticket.message-added.v1";

    private Person customer;

    @BeforeAll
    void prepare(Gateway gateway) {
        launch(gateway);
        customer = gateway.registerCustomer("Pref Customer");
        gateway.signIn(customer);
    }

    @Test
    void eMailOffForAKindAndTheLanguageSurviveAReload() {
        Screen screen = signedIn(Viewport.DESKTOP, "preferences", customer, "/support");
        {
            Page page = screen.page();
            link(page, "Preferences").click();
            page.waitForURL("**/preferences");
            assertThat(heading(page, "Notification preferences")).isVisible();
            Locator email = checkbox(page, "Replies and messages by e-mail");
            assertThat(email).isChecked();
            assertThat(checkbox(page, "Ticket assigned by e-mail")).hasCount(0);

            // the switch shows the saved state: it turns off once the service has stored it (uncheck()
            // would look at once and fail on a slow answer)
            email.click();
            assertThat(email).not().isChecked();
            assertThat(page.getByText("Saved: Replies and messages by e-mail off.")).isVisible();
            page.getByLabel("Language of your e-mails").selectOption("de");
            assertThat(page.getByText("Saved: e-mails in Deutsch.")).isVisible();
            screen.shot("preferences-saved");

            page.reload();
            assertThat(checkbox(page, "Replies and messages by e-mail")).not().isChecked();
            assertThat(checkbox(page, "Replies and messages in the app")).isChecked();
            assertThat(page.getByLabel("Language of your e-mails")).hasValue("de");

            JsonNode held = Gateway.expect(gateway.as(customer).get("/api/notifications/preferences/"), 200);
            assertEquals(false, held.path("kinds").path(REPLIES).path("email").asBoolean(true), held.toString());
            assertEquals(true, held.path("kinds").path(REPLIES).path("inApp").asBoolean(false), held.toString());
            assertEquals("de", held.path("language").asText(), held.toString());
        }
        // a deep link, signed in afresh
        Screen phone = signedInAt(Viewport.PHONE, "preferences-deep-link", customer, "/preferences");
        {
            Page page = phone.page();
            assertThat(checkbox(page, "Replies and messages by e-mail")).not().isChecked();
            assertThat(page.getByLabel("Language of your e-mails")).hasValue("de");
            phone.shot("preferences-phone");
        }
    }

    private static Locator checkbox(Page page, String name) {
        return page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
