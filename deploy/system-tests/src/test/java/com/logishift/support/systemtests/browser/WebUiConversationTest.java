package com.logishift.support.systemtests.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.logishift.support.systemtests.client.Gateway;
import com.logishift.support.systemtests.client.Json;
import com.logishift.support.systemtests.client.Person;
import com.logishift.support.systemtests.harness.SystemTest;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The ticket page as a conversation (issue 15), in a real Chromium: a customer opens a ticket with a
 * photo, agent and customer write to each other and each sees the other's message arrive live
 * without a reload, the agent's internal note never reaches the customer's page (live or after a
 * reload), a reply on a resolved ticket reopens it, a closed ticket offers a follow-up. Also: files
 * in a reply (progress, per-file refusal, thumbnail that opens larger, PDF download), a retried send
 * that must not duplicate, the phone layout and axe on the conversation page. Screenshots go to
 * target/screenshots/&lt;viewport&gt;/ like the seed's flows'.
 */
@SystemTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(5) // after the seed's flows in the browser (their classes empty the screenshot folders first)
class WebUiConversationTest extends Browsing {

    private static final Pattern TICKET_URL = Pattern.compile("/support/tickets/([0-9a-f-]{36})$");

    private Person admin;
    private Person agent;
    private Person customer;

    @BeforeAll
    void prepare(Gateway gateway) {
        System.setProperty("java.awt.headless", "true");
        launch(gateway);
        admin = gateway.admin();
        agent = gateway.approvedAgents(admin, "Conversation Agent").get(0);
        customer = gateway.signIn(gateway.registerCustomer("Conversation Customer"));
    }

    // ---- the seed's customer flow, as a conversation ---------------------------------------------

    @Test
    @Order(1)
    void customerAndAgentTalkLiveTheNoteStaysInternalAReplyReopensAndAClosedTicketOffersAFollowUp() {
        Screen customerScreen = signedIn(Viewport.DESKTOP, "conv-customer", customer, "/support");
        Page c = customerScreen.page();

        // a new ticket with a photo: chosen in the picker, uploaded with progress, sent with the ticket
        button(c, "Create new ticket").click();
        String subject = "Crushed pallet, photo attached";
        c.getByLabel("Subject").fill(subject);
        c.getByLabel("Category").selectOption("DAMAGED");
        c.getByLabel("Description").fill("The pallet arrived crushed on one side; photo attached.");
        c.getByLabel("Add photos").setInputFiles(new FilePayload("crushed-pallet.png", "image/png", png(160, 120, Color.ORANGE)));
        Locator chosen = c.locator("[data-file='crushed-pallet.png']");
        assertThat(chosen).containsText("Uploaded");
        assertThat(chosen.locator("img")).isVisible(); // the local preview
        customerScreen.shot("create-ticket-with-photo");
        button(c, "Submit ticket").click();
        Locator row = c.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Tickets"))
                .getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText(subject));
        row.getByRole(AriaRole.LINK).click();
        c.waitForURL(TICKET_URL);
        String ticketId = ticketIdFrom(c);
        Locator thread = conversation(c);
        assertThat(thread.locator("[data-event=CREATED]")).containsText("opened the ticket");
        assertThat(liveState(c)).hasAttribute("data-state", "live");
        c.evaluate("() => { window.__sameDocument = 'yes' }"); // gone if the page ever reloads

        // the agent takes it (context, through the API): the customer's header and thread follow live
        assignTo(ticketId, agent);
        Gateway.expect(gateway.as(agent).body(Map.of("status", "IN_PROGRESS"))
                .put("/api/support/tickets/" + ticketId + "/update-status/"), 200);
        assertThat(statusBadge(c)).hasText("In progress");
        assertThat(thread.locator("[data-event=STATUS_CHANGED]").last()).containsText("from Open to In progress");

        // the agent opens the ticket from a deep link and replies (the default: to the customer)
        Screen agentScreen = signedInAt(Viewport.DESKTOP, "conv-agent", agent, "/support/tickets/" + ticketId);
        Page a = agentScreen.page();
        Locator agentThread = conversation(a);
        assertThat(liveState(a)).hasAttribute("data-state", "live");
        assertThat(a.locator("form[data-mode]")).hasAttribute("data-mode", "public");
        assertThat(button(a, "Reply to customer")).hasAttribute("aria-pressed", "true");
        String reply = "Sorry about the pallet. Could you tell us whether the goods inside are damaged too?";
        textbox(a, "Reply to the customer").fill(reply);
        button(a, "Send reply").click();
        assertThat(agentThread.locator("[data-message]").filter(hasText(reply))).hasCount(1);

        // the customer sees it appear without reloading, with the agent's name and role
        Locator replyOnCustomerPage = thread.locator("[data-message]").filter(hasText(reply));
        assertThat(replyOnCustomerPage).hasCount(1);
        assertThat(replyOnCustomerPage).containsText(agent.name());
        assertThat(replyOnCustomerPage).containsText("Support agent");
        assertEquals("yes", c.evaluate("() => window.__sameDocument"), "the customer's page was not reloaded");
        customerScreen.shot("agent-reply-arrived-live");

        // the customer answers: empty is refused, the counter counts, Ctrl+Enter sends
        Locator yourMessage = textbox(c, "Your message");
        button(c, "Send reply").click();
        assertThat(c.getByText("Write your message first.")).isVisible();
        String answer = "Two of the twelve boxes are dented, the rest look fine.";
        yourMessage.fill(answer);
        assertThat(c.locator("form[data-mode] [data-testid=char-count]")).hasText(answer.length() + " / 20,000 characters");
        yourMessage.press("Control+Enter");
        assertThat(yourMessage).hasValue("");
        assertThat(thread.locator("[data-message]").filter(hasText(answer))).hasCount(1);

        // the agent sees the answer live
        assertThat(agentThread.locator("[data-message]").filter(hasText(answer))).hasCount(1);
        a.evaluate("() => { window.__sameDocument = 'yes' }");

        // an internal note: its own button, colour and send label; marked "Internal note" in the thread
        button(a, "Internal note").click();
        assertThat(a.locator("form[data-mode]")).hasAttribute("data-mode", "internal");
        assertThat(button(a, "Add internal note")).isVisible();
        assertThat(button(a, "Send reply")).hasCount(0);
        button(a, "Add internal note").click();
        assertThat(a.getByText("Write the note first.")).isVisible();
        String note = "Carrier CX-77 crushed three pallets this week; claim opened.";
        textbox(a, "Internal note").fill(note);
        agentScreen.shot("internal-note-mode");
        button(a, "Add internal note").click();
        Locator noteItem = agentThread.locator("[data-visibility=INTERNAL]").filter(hasText(note));
        assertThat(noteItem).hasCount(1);
        assertThat(noteItem).containsText("Internal note");
        agentScreen.shot("conversation-with-internal-note");

        // the agent resolves: the customer sees the new status live, and never the note
        button(a, "Mark resolved").click();
        assertThat(statusBadge(a)).hasText("Resolved");
        assertThat(statusBadge(c)).hasText("Resolved");
        assertThat(thread.locator("[data-event=STATUS_CHANGED]").last()).containsText("to Resolved");
        assertThat(c.locator("main")).not().containsText(note);
        assertThat(thread.locator("[data-visibility=INTERNAL]")).hasCount(0);
        assertEquals("yes", c.evaluate("() => window.__sameDocument"), "the customer's page was not reloaded");
        assertThat(c.getByText("This ticket is resolved. If something is still wrong, reply here: your message reopens it.")).isVisible();
        customerScreen.shot("conversation-resolved");

        // a reload keeps the thread, still without the note
        c.reload();
        thread = conversation(c);
        assertThat(thread.locator("[data-message]").filter(hasText(reply))).hasCount(1);
        assertThat(thread.locator("[data-message]").filter(hasText(answer))).hasCount(1);
        assertThat(c.locator("main")).not().containsText(note);
        assertThat(liveState(c)).hasAttribute("data-state", "live");

        // the customer replies on the resolved ticket: it reopens, and the agent's page follows
        String stillWrong = "Actually a third box is wet inside as well.";
        textbox(c, "Your message").fill(stillWrong);
        button(c, "Send reply").click();
        assertThat(statusBadge(c)).hasText("In progress");
        assertThat(agentThread.locator("[data-message]").filter(hasText(stillWrong))).hasCount(1);
        assertThat(statusBadge(a)).hasText("In progress");
        assertThat(agentThread.locator("[data-event=STATUS_CHANGED]").last()).containsText("from Resolved to In progress");
        assertEquals("yes", a.evaluate("() => window.__sameDocument"), "the agent's page was not reloaded");
        agentScreen.shot("reopened-by-customer-reply");

        // resolved again, and rated: the ticket closes
        button(a, "Mark resolved").click();
        assertThat(statusBadge(c)).hasText("Resolved");
        assertThat(heading(c, "How did we do?")).isVisible();
        c.locator("label:has(input[name=rating][value='5'])").click();
        button(c, "Send feedback").click();
        assertThat(statusBadge(c)).hasText("Closed");
        assertThat(statusBadge(a)).hasText("Closed");

        // a closed ticket takes no reply: it offers a follow-up, which links back
        assertThat(textbox(c, "Your message")).hasCount(0);
        customerScreen.shot("closed-offers-follow-up");
        button(c, "Open a follow-up").click();
        c.waitForURL(Pattern.compile("/support\\?followUpOf=" + ticketId + "$"));
        assertThat(heading(c, "New follow-up ticket")).isVisible();
        assertThat(c.getByLabel("Subject")).hasValue("Follow-up: " + subject);
        c.getByLabel("Description").fill("The replacement pallet is crushed too.");
        button(c, "Submit ticket").click();
        Locator created = c.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("created"));
        assertThat(created).isVisible();
        JsonNode followUp = Gateway.expect(gateway.as(customer).get("/api/support/tickets/?size=100"), 200);
        boolean linked = false;
        for (JsonNode t : followUp.path("items")) {
            linked |= ("Follow-up: " + subject).equals(t.path("subject").asText())
                    && ticketId.equals(Gateway.expect(gateway.as(customer).get("/api/support/tickets/" + t.path("id").asText() + "/"), 200)
                            .path("followUpOf").asText());
        }
        assertTrue(linked, "the follow-up links back to " + ticketId + ": " + followUp);

        // on the server: the thread as the page showed it, the note internal
        List<JsonNode> messages = Json.items(
                Gateway.expect(gateway.as(admin).get("/api/support/tickets/" + ticketId + "/messages/?size=100"), 200));
        assertEquals(List.of(reply, answer, note, stillWrong), messages.stream().map(m -> m.path("body").asText()).toList());
        assertEquals("INTERNAL", messages.get(2).path("visibility").asText());

        // last (it needs the attachment wiring of ticket creation): the photo sent with the ticket,
        // as a thumbnail that opens larger, and Escape gives the focus back
        go(c, "/support/tickets/" + ticketId);
        Locator files = c.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Files sent with the ticket"));
        Locator thumbnail = files.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Open crushed-pallet.png larger"));
        assertThat(thumbnail.locator("img")).isVisible();
        assertTrue((Boolean) thumbnail.locator("img").evaluate("img => img.complete && img.naturalWidth === 160"), "the thumbnail shows the photo");
        thumbnail.click();
        Locator dialog = c.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("crushed-pallet.png"));
        assertThat(dialog).isVisible();
        customerScreen.shot("photo-opened-larger");
        c.keyboard().press("Escape");
        assertThat(dialog).hasCount(0);
        assertThat(thumbnail).isFocused();
    }

    // ---- files in a reply ------------------------------------------------------------------------

    @Test
    @Order(2)
    void filesInAReplyUploadWithProgressAreRefusedPerFileAndOpenOrDownloadOnTheOtherSide() throws IOException {
        String ticketId = startedTicket("Forms for the insurance claim");
        Screen agentScreen = signedInAt(Viewport.DESKTOP, "conv-files-agent", agent, "/support/tickets/" + ticketId);
        Page a = agentScreen.page();
        assertThat(liveState(a)).hasAttribute("data-state", "live");

        byte[] photo = png(200, 150, Color.BLUE);
        byte[] pdf = minimalPdf();
        byte[] tooBig = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(tooBig, (byte) 'a');
        a.getByLabel("Add photos or files").setInputFiles(new FilePayload[] {
            new FilePayload("label-close-up.png", "image/png", photo),
            new FilePayload("claim-form.pdf", "application/pdf", pdf),
            // a web page named like a photo: the server sniffs the bytes (415)
            new FilePayload("not-a-photo.jpg", "image/jpeg", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)),
            // over 10 MB: refused before uploading
            new FilePayload("huge-scan.txt", "text/plain", tooBig),
        });
        assertThat(a.locator("[data-file='label-close-up.png']")).containsText("Uploaded");
        assertThat(a.locator("[data-file='claim-form.pdf']")).containsText("Uploaded");
        assertThat(a.locator("[data-file='not-a-photo.jpg']")).containsText("This kind of file cannot be attached");
        assertThat(a.locator("[data-file='huge-scan.txt']")).containsText("Too large: at most 10 MB a file.");
        agentScreen.shot("reply-files-with-errors");

        // a draft with refused files is not sent until they are removed
        String text = "Here is the claim form, and the label photo for your records.";
        textbox(a, "Reply to the customer").fill(text);
        button(a, "Send reply").click();
        assertThat(a.getByText("Remove the files that could not be uploaded first.")).isVisible();
        button(a, "Remove not-a-photo.jpg").click();
        button(a, "Remove huge-scan.txt").click();
        assertThat(a.locator("[data-file]")).hasCount(2);
        button(a, "Send reply").click();
        Locator sent = conversation(a).locator("[data-message]").filter(hasText(text));
        assertThat(sent).hasCount(1);
        assertThat(a.locator("[data-file]")).hasCount(0);

        // the customer: the photo as a thumbnail (larger on click), the PDF as a download
        Screen customerScreen = signedInAt(Viewport.DESKTOP, "conv-files-customer", customer, "/support/tickets/" + ticketId);
        Page c = customerScreen.page();
        Locator message = conversation(c).locator("[data-message]").filter(hasText(text));
        Locator thumbnail = message.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Open label-close-up.png larger"));
        assertThat(thumbnail.locator("img")).isVisible();
        customerScreen.shot("reply-with-files");
        thumbnail.click();
        Locator dialog = c.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("label-close-up.png"));
        assertThat(dialog.locator("img")).isVisible();
        button(dialog, "Close").click();
        assertThat(dialog).hasCount(0);
        assertThat(thumbnail).isFocused();
        Download download = c.waitForDownload(() -> message.getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName(Pattern.compile("^Download claim-form\\.pdf"))).click());
        assertEquals("claim-form.pdf", download.suggestedFilename());
        assertArrayEquals(pdf, Files.readAllBytes(download.path()), "the downloaded bytes are the uploaded ones");
    }

    // ---- a retried send ----------------------------------------------------------------------------

    @Test
    @Order(3)
    void aSendWhoseAnswerWasLostIsRetriedWithoutADuplicate() {
        String ticketId = startedTicket("Lost answer, one message");
        Screen screen = signedInAt(Viewport.DESKTOP, "conv-retry", customer, "/support/tickets/" + ticketId);
        Page c = screen.page();
        assertThat(liveState(c)).hasAttribute("data-state", "live");

        // 20,001 characters: counted and refused in the page, nothing sent
        Locator box = textbox(c, "Your message");
        box.fill("x".repeat(20_001));
        assertThat(c.locator("form[data-mode] [data-testid=char-count]")).hasText("20,001 / 20,000 characters — 1 too many");
        button(c, "Send reply").click();
        assertThat(c.getByText("At most 20,000 characters.")).isVisible();

        // the first send reaches the server, but its answer is lost on the way back
        String text = "Is the refund on its way?";
        box.fill(text);
        AtomicInteger posts = new AtomicInteger();
        List<String> bodies = new ArrayList<>();
        c.route("**/api/support/tickets/" + ticketId + "/messages/", route -> {
            if (!"POST".equals(route.request().method())) {
                route.resume();
                return;
            }
            bodies.add(route.request().postData());
            if (posts.incrementAndGet() == 1) {
                route.fetch(); // the server stores it …
                route.abort("connectionreset"); // … and the page never hears
            } else {
                route.resume();
            }
        });
        button(c, "Send reply").click();
        assertThat(c.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("could not be reached"))).isVisible();
        assertThat(box).hasValue(text); // the draft is kept for the retry
        button(c, "Send reply").click();
        assertThat(box).hasValue("");
        assertEquals(2, posts.get(), "sent twice");
        String firstId = Json.parse(bodies.get(0)).path("clientMessageId").asText();
        assertTrue(!firstId.isEmpty() && firstId.equals(Json.parse(bodies.get(1)).path("clientMessageId").asText()),
                "the retry carries the first send's clientMessageId: " + bodies);

        // one message, in the page (the POST's answer and the stream's entry are the same message) and on the server
        assertThat(conversation(c).locator("[data-message]").filter(hasText(text))).hasCount(1);
        c.reload();
        assertThat(conversation(c).locator("[data-message]").filter(hasText(text))).hasCount(1);
        JsonNode onServer = Gateway.expect(gateway.as(customer).get("/api/support/tickets/" + ticketId + "/messages/"), 200);
        assertEquals(1, onServer.path("items").findValuesAsText("body").stream().filter(text::equals).count(), "one message on the server: " + onServer);
        c.unroute("**/api/support/tickets/" + ticketId + "/messages/");
    }

    // ---- the phone, and axe ----------------------------------------------------------------------

    @Test
    @Order(4)
    void theConversationFitsA375PixelPhoneAndPassesAxeOnBothScreens() {
        String ticketId = startedTicket("Phone check: scanner shows delivered, nothing here");
        String longWord = "https://tracking.example.com/" + "x".repeat(180);
        post(agent, ticketId, "PUBLIC", "We are checking with the driver. Tracking: " + longWord);
        post(customer, ticketId, null, "Thanks — the neighbour has nothing either.");
        post(agent, ticketId, "INTERNAL", "Driver GPS shows the stop at a different house number.");
        List<String> found = new ArrayList<>();
        for (Viewport viewport : Viewport.values()) {
            for (Person who : List.of(customer, agent)) {
                Screen screen = open(viewport, "conv-" + (who == agent ? "agent" : "customer"));
                Page page = screen.page();
                if (viewport.mobile()) {
                    page.setViewportSize(375, 812);
                }
                signIn(screen, who, "/support/tickets/" + ticketId, "/support/tickets/" + ticketId);
                Locator thread = conversation(page);
                assertThat(thread.locator("[data-message]")).hasCount(who == agent ? 3 : 2);
                assertThat(liveState(page)).hasAttribute("data-state", "live");
                if (who == agent) {
                    button(page, "Internal note").click();
                    assertThat(page.locator("form[data-mode]")).hasAttribute("data-mode", "internal");
                }
                page.getByLabel("Add photos or files").setInputFiles(new FilePayload("phone-photo.png", "image/png", png(120, 90, Color.GREEN)));
                assertThat(page.locator("[data-file='phone-photo.png']")).containsText("Uploaded");
                settled(page);
                Number overflow = (Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
                assertTrue(overflow.intValue() <= 0, viewport.dir() + " " + who.name() + ": the page is " + overflow + " px wider than the screen");
                java.nio.file.Path shot = screen.shot("conversation");
                for (String violation : Axe.violations(page)) {
                    found.add(shot.getFileName() + ": " + violation);
                }
            }
        }
        assertTrue(found.isEmpty(), found.size() + " accessibility violations:\n" + String.join("\n", found));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static Locator conversation(Page page) {
        return page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Conversation").setExact(true));
    }

    /** A field by its accessible name (the required mark is aria-hidden; the forms' own names contain the words). */
    private static Locator textbox(Page page, String name) {
        return page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator liveState(Page page) {
        return page.getByTestId("live-state");
    }

    private static Locator statusBadge(Page page) {
        return page.locator("main [data-status]").first();
    }

    private static Locator.FilterOptions hasText(String text) {
        return new Locator.FilterOptions().setHasText(text);
    }

    private static String ticketIdFrom(Page page) {
        java.util.regex.Matcher m = TICKET_URL.matcher(page.url());
        assertTrue(m.find(), "a ticket page: " + page.url());
        return m.group(1);
    }

    /** A ticket of the customer's, assigned to the agent and in progress. */
    private String startedTicket(String subject) {
        String id = Gateway.expect(gateway.as(customer).body(Map.of("subject", subject, "category", "LOST",
                "description", "Nothing arrived.")).post("/api/support/tickets/create/"), 201).path("id").asText();
        assignTo(id, agent);
        Gateway.expect(gateway.as(agent).body(Map.of("status", "IN_PROGRESS"))
                .put("/api/support/tickets/" + id + "/update-status/"), 200);
        return id;
    }

    private void assignTo(String ticketId, Person to) {
        JsonNode ticket = Gateway.expect(gateway.as(admin).get("/api/support/tickets/" + ticketId + "/"), 200);
        if (!to.id().equals(ticket.path("assigneeId").asText())) {
            Gateway.expect(gateway.as(admin).body(Map.of("agentId", to.id()))
                    .post("/api/support/tickets/" + ticketId + "/reassign/"), 200);
        }
    }

    private void post(Person who, String ticketId, String visibility, String body) {
        Map<String, Object> message = visibility == null ? Map.of("body", body) : Map.of("body", body, "visibility", visibility);
        Gateway.expect(gateway.as(who).body(message).post("/api/support/tickets/" + ticketId + "/messages/"), 201);
    }

    /** A PNG of one colour: real image bytes, as the server sniffs them. */
    private static byte[] png(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.drawRect(4, 4, width - 9, height - 9);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The smallest PDF a sniffer recognises (%PDF- magic, one empty page). */
    private static byte[] minimalPdf() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
