package com.logishift.support.systemtests.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.systemtests.client.Gateway;
import com.logishift.support.systemtests.client.Person;
import com.logishift.support.systemtests.harness.SystemTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The admin's webhooks page: registering a partner's endpoint (the secret shown once), its
 * delivery log filling as a customer opens a ticket, redelivery, and the page's own address after
 * a reload and as a deep link through the sign-in page.
 */
@SystemTest
@Order(6)
class WebUiWebhooksTest extends Browsing {

    private Person admin;
    private Person customer;
    private HttpServer partner;
    private final AtomicInteger received = new AtomicInteger();

    @BeforeAll
    void prepare(Gateway gateway) throws Exception {
        launch(gateway);
        admin = gateway.admin();
        customer = gateway.signIn(gateway.registerCustomer("Hook Customer"));
        partner = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
        partner.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        partner.start();
    }

    @AfterAll
    void stopPartner() {
        // the endpoint goes with its receiver: later classes' tickets are not retried at a closed port
        for (com.fasterxml.jackson.databind.JsonNode hook : Gateway.expect(gateway.as(admin).get("/api/admin/webhooks/?size=100"), 200)
                .path("items")) {
            if (hook.path("url").asText().endsWith(":" + partner.getAddress().getPort() + "/ui-hook")) {
                gateway.as(admin).delete("/api/admin/webhooks/" + hook.path("id").asText() + "/");
            }
        }
        partner.stop(0);
    }

    @Test
    void anAdminRegistersAWebhookAndFollowsItsDeliveries() {
        String url = "http://127.0.0.1:" + partner.getAddress().getPort() + "/ui-hook";
        Screen screen = signedIn(Viewport.DESKTOP, "webhooks-admin", admin, "/admin/support");
        Page page = screen.page();
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Webhooks")).click();
        page.waitForURL("**/admin/webhooks");
        assertThat(heading(page, "Webhooks")).isVisible();

        button(page, "New webhook").click();
        page.getByLabel("Endpoint URL").fill(url);
        page.getByLabel("Description").fill("Browser test partner");
        button(page, "Register webhook").click();
        assertThat(page.getByTestId("webhook-secret")).containsText("whsec_");
        screen.shot("webhook-secret-once");
        button(page, "I have stored it").click();
        assertThat(page.getByTestId("webhook-secret")).hasCount(0);

        // a new ticket: the log shows it delivered (Refresh until it is)
        Gateway.expect(gateway.as(customer).body(Map.of("subject", "Webhook in the browser", "category", "LATE",
                "description", "Where is it?")).post("/api/support/tickets/create/"), 201);
        link(page, url).click();
        page.waitForURL(Pattern.compile(".*/admin/webhooks/[0-9a-f-]{36}$"));
        String detail = page.url().replaceFirst("^https?://[^/]+", "");
        Locator delivered = page.locator("[data-delivery-status='DELIVERED']");
        for (int i = 0; i < 30 && delivered.count() == 0; i++) {
            button(page, "Refresh").click();
            page.waitForTimeout(1000);
        }
        assertThat(delivered.first()).isVisible();
        assertThat(page.locator("[data-response-code='204']").first()).isVisible();
        screen.shot("webhook-delivery-log");

        // redeliver: a new delivery of the same event
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Redeliver "))).first().click();
        assertThat(page.getByText(Pattern.compile("queued again"))).isVisible();

        // a reload keeps the page; a deep link goes through the sign-in page to it
        page.reload();
        assertThat(page).hasURL(Pattern.compile(detail + "$")); // the path is [a-z0-9/-] only (JavaScript regexes know no Java quoting)
        assertThat(heading(page, "Deliveries")).isVisible();
        Screen other = open(Viewport.PHONE, "webhooks-admin");
        signIn(other, admin, detail, detail);
        assertThat(heading(other.page(), "Deliveries")).isVisible();
        other.shot("webhook-deep-link-phone");
        assertTrue(received.get() >= 1, "the partner got the event");

        // the page is for admins only
        Screen customers = signedInAt(Viewport.DESKTOP, "webhooks-customer", customer, "/admin/webhooks");
        assertThat(heading(customers.page(), "Not available for your account")).isVisible();
    }
}
