package com.logishift.support.ticket.search;

import static com.logishift.support.ticket.support.Api.anonymous;
import static com.logishift.support.ticket.support.Api.as;
import static com.logishift.support.ticket.support.Api.messages;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import com.logishift.support.ticket.support.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /api/support/tickets/search/ on a fixed corpus of its own (the tables are emptied first): ranking,
 * partial identifiers, who finds what, snippets that are safe to show, and every hostile input.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class SearchTest {

    private static final String SEARCH = "/api/support/tickets/search/";

    /** A customer with a name that has accents (the staff's name search ignores them). */
    static final Person MUELLER = person("customer", "Jürgen Müller");
    static final Person OTHER = Tokens.customer();
    static final Person ADMIN = Tokens.admin();

    /** key → ticket id and reference, filled once per run. */
    static final Map<String, String> IDS = new LinkedHashMap<>();
    static final Map<String, String> REFS = new HashMap<>();
    static String noteId;
    static String publicReplyId;

    @Inject
    Pool pool;

    static Person person(String role, String name) {
        UUID id = UUID.randomUUID();
        return new Person(id, role, name, Tokens.sign(id, role, name, Instant.now().plusSeconds(3600)));
    }

    @BeforeEach
    void corpus() {
        if (!IDS.isEmpty()) {
            return;
        }
        Api.resetDatabase(pool);
        open("fridge", MUELLER, "Refrigerator door dented",
                "The refrigerator arrived with a dented door and scratches on the side.", "DLV-2025-777777", "DAMAGED");
        open("cushions", MUELLER, "Sofa cushions missing", "Two cushions of the red sofa were not in the box.",
                "DLV-2025-100200", "LOST");
        open("lamp", MUELLER, "Red lamp and sofa cover", "The sofa cover is fine but the lamp is red instead of blue.",
                null, "QUALITY");
        open("lieferung", MUELLER, "Lieferung verspätet", "Die Lieferung kam drei Tage zu spät, die Straße war gesperrt.",
                "DLV-2025-555001", "LATE");
        open("cafe", MUELLER, "Café table scratched", "The café table top has deep scratches.", null, "DAMAGED");
        open("hamburg", MUELLER, "Parcel lost in Hamburg depot", "Tracking stopped at the Hamburg depot on Monday.",
                null, "LOST");
        open("invoice", MUELLER, "Invoice shows wrong amount", "The invoice lists 3 pallets, we ordered 2.", null,
                "OTHER");
        open("mirror", MUELLER, "Broken mirror", "The mirror was shattered; glass everywhere.", null, "DAMAGED");
        open("soaked", OTHER, "Wet cardboard", "The box was soaked, probably left in the rain.", "DLV-2025-900900",
                "DAMAGED");
        open("printer", MUELLER, "Late delivery of printer", "The printer came a week late.", null, "LATE");
        open("toner", MUELLER, "Printer toner missing", "Toner cartridge not included with the printer.", null,
                "QUALITY");
        open("chair", MUELLER, "Chair wobbles", "One leg of the chair is shorter than the others.", null, "QUALITY");
        open("drawer", MUELLER, "Desk drawer stuck", "The drawer of the desk cannot be opened.", null, "QUALITY");
        open("vase", MUELLER, "Glass vase cracked", "Hairline crack in the vase.", null, "DAMAGED");
        open("screws", MUELLER, "Missing screws", "The assembly kit lacked screws and the manual.", null, "LOST");
        open("pallet", OTHER, "Damaged pallet", "The pallet wrap was torn and two boxes fell off.", null, "DAMAGED");
        open("markup", MUELLER, "<b>Bold</b> claim about a zebra pattern",
                "Text with <mark>fake</mark> & <script>alert('x')</script> around the zebra rug.", null, "OTHER");
        open("underscore", MUELLER, "Label misprinted", "The label reads something odd.", "DLV-2025_424242", "OTHER");
        // the conversation: a public reply, an internal note, a customer's follow-up
        publicReplyId = post("mirror", ADMIN, "We will send a replacement mirror by courier.", "PUBLIC");
        noteId = post("mirror", ADMIN, "Carrier claim zeppelin filed, do not tell the customer yet.", "INTERNAL");
        post("chair", MUELLER, "Also the chair armrest squeaks.", null);
        post("soaked", ADMIN, "Noted, a zeppelin note on the other customer's ticket.", "INTERNAL");
        // three tickets found by the same message text only: equal rank, so newest first
        open("wombat1", MUELLER, "Sticker sheet faded", "Colours washed out.", null, "QUALITY");
        open("wombat2", MUELLER, "Poster tube crushed", "Ends of the tube flattened.", null, "DAMAGED");
        open("wombat3", MUELLER, "Puzzle pieces short", "Three pieces absent.", null, "LOST");
        for (String key : List.of("wombat2", "wombat1", "wombat3")) {
            post(key, MUELLER, "The wombat sticker peeled off.", null);
        }
    }

    static void open(String key, Person customer, String subject, String description, String deliveryId,
            String category) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", subject);
        body.put("description", description);
        body.put("category", category);
        if (deliveryId != null) {
            body.put("deliveryId", deliveryId);
        }
        JsonPath created = as(customer).body(body).post("/api/support/tickets/create/").then().statusCode(201)
                .extract().jsonPath();
        IDS.put(key, created.getString("id"));
        REFS.put(key, created.getString("reference"));
    }

    static String post(String key, Person author, String text, String visibility) {
        Map<String, Object> body = new HashMap<>();
        body.put("body", text);
        if (visibility != null) {
            body.put("visibility", visibility);
        }
        return as(author).body(body).post(messages(IDS.get(key))).then().statusCode(201).extract().path("id");
    }

    static JsonPath search(Person who, String q, Object... more) {
        var request = as(who).queryParam("q", q);
        for (int i = 0; i < more.length; i += 2) {
            request = request.queryParam((String) more[i], more[i + 1]);
        }
        return request.get(SEARCH).then().statusCode(200).extract().jsonPath();
    }

    static String key(String ticketId) {
        return IDS.entrySet().stream().filter(e -> e.getValue().equals(ticketId)).map(Map.Entry::getKey).findFirst()
                .orElse("?" + ticketId);
    }

    static List<String> keys(JsonPath found) {
        List<String> ids = found.getList("items.ticket.id");
        return ids.stream().map(SearchTest::key).toList();
    }

    /** The 25 queries of the ranking table: each with the ticket that must come first. */
    @Test
    void theExpectedTicketComesFirst() {
        Map<String, String> table = new LinkedHashMap<>();
        table.put("refrigerator", "fridge");
        table.put("dented", "fridge");
        table.put("777777", "fridge");
        table.put("DLV-2025-777777", "fridge");
        table.put("\"red sofa\"", "cushions");
        table.put("sofa -cushions", "lamp");
        table.put("Lieferungen", "lieferung");
        table.put("strasse", "lieferung");
        table.put("cafe", "cafe");
        table.put("Hamburg", "hamburg");
        table.put("invoice", "invoice");
        table.put("replacement mirror", "mirror");
        table.put("zeppelin claim", "mirror");
        table.put("soaked", "soaked");
        table.put("printer toner", "toner");
        table.put("armrest", "chair");
        table.put("drawer", "drawer");
        table.put("vase", "vase");
        table.put("screws manual", "screws");
        table.put("pallet", "pallet");
        table.put("scratches", "cafe");
        table.put("glass", "vase");
        table.put("late printer", "printer");
        table.put(REFS.get("drawer"), "drawer");
        table.put("wobbling chairs", "chair");
        assertEquals(25, table.size());
        List<String> wrong = new ArrayList<>();
        table.forEach((q, expected) -> {
            List<String> found = keys(search(ADMIN, q));
            if (found.isEmpty() || !found.get(0).equals(expected)) {
                wrong.add(q + " -> " + found + " (expected " + expected + " first)");
            }
        });
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void weightsDecide_subjectBeforeDescriptionBeforeMessages() {
        // "pallet": the subject of one ticket, the description ("pallets") of another
        assertEquals(List.of("pallet", "invoice"), keys(search(ADMIN, "pallet")));
        // "glass": the subject of the vase, the description of the mirror
        assertEquals(List.of("vase", "mirror"), keys(search(ADMIN, "glass")));
    }

    @Test
    void partOfADeliveryIdOrReferenceFindsItsTicket() {
        JsonPath found = search(MUELLER, "777777");
        assertEquals(List.of("fridge"), keys(found));
        assertEquals(1, found.getInt("total"));
        assertEquals(List.of(Map.of("field", "deliveryId", "snippet", "DLV-2025-<mark>777777</mark>")),
                found.getList("items[0].highlights"));
        assertEquals(List.of("fridge"), keys(search(ADMIN, "2025-7777")));
        // a reference without its prefix, and in lower case
        String digits = REFS.get("vase").substring(4);
        assertEquals("vase", keys(search(ADMIN, digits)).get(0));
        assertEquals("vase", keys(search(MUELLER, REFS.get("vase").toLowerCase())).get(0));
        JsonPath byRef = search(ADMIN, REFS.get("vase"));
        assertEquals("<mark>" + REFS.get("vase") + "</mark>", byRef.getString("items[0].highlights[0].snippet"));
        assertEquals("reference", byRef.getString("items[0].highlights[0].field"));
    }

    @Test
    void staffFindCustomersByPartOfTheirNameOrAddress_accentsIgnored() {
        JsonPath found = search(ADMIN, "Muller");
        assertEquals(IDS.size() - 2, found.getInt("total")); // all of Müller's tickets, not the other customer's
        assertEquals("J\u00fcrgen <mark>M\u00fcller</mark>", snippet(found, 0, "customerName"));
        String email = "customer-" + OTHER.id() + "@example.com";
        JsonPath byMail = search(ADMIN, OTHER.id().toString().substring(0, 8));
        assertEquals(Set.of("soaked", "pallet"), new HashSet<>(keys(byMail)));
        assertTrue(snippet(byMail, 0, "customerEmail").startsWith("customer-<mark>"), email);
        // customers cannot search by a customer's name or address, not even their own
        assertEquals(0, search(MUELLER, "Muller").getInt("total"));
        assertEquals(0, search(OTHER, OTHER.id().toString().substring(0, 8)).getInt("total"));
    }

    static String snippet(JsonPath found, int item, String field) {
        List<Map<String, Object>> highlights = found.getList("items[" + item + "].highlights");
        return highlights.stream().filter(h -> field.equals(h.get("field"))).map(h -> (String) h.get("snippet"))
                .findFirst().orElse(null);
    }

    @Test
    void aCustomerFindsOwnTicketsAndPublicTextOnly() {
        // someone else's ticket: not in the items, not in the total
        JsonPath other = search(MUELLER, "soaked");
        assertEquals(0, other.getInt("total"));
        assertEquals(List.of(), other.getList("items"));
        assertEquals(List.of("invoice"), keys(search(MUELLER, "pallet")));
        assertEquals(1, search(MUELLER, "pallet").getInt("total"));
        // an internal note's words: nothing, on the customer's own ticket or anyone else's
        JsonPath note = search(MUELLER, "zeppelin");
        assertEquals(0, note.getInt("total"));
        assertEquals(List.of(), note.getList("items"));
        assertEquals(0, search(OTHER, "zeppelin").getInt("total"));
        // staff find both notes
        assertEquals(Set.of("mirror", "soaked"), new HashSet<>(keys(search(ADMIN, "zeppelin"))));
        // a word in the public reply and in the note: the customer's highlight shows the public one only
        JsonPath mirror = search(MUELLER, "mirror courier zeppelin or courier");
        assertEquals(List.of("mirror"), keys(mirror));
        String all = mirror.getString("items[0].highlights");
        assertFalse(all.contains("zeppelin") || all.contains(noteId) || all.contains("Carrier"), all);
        assertTrue(all.contains(publicReplyId), all);
        // the customer's view of the ticket: no staff fields
        Map<String, Object> ticket = mirror.getMap("items[0].ticket");
        assertFalse(ticket.containsKey("customerEmail") || ticket.containsKey("sla") || ticket.containsKey("notes"),
                ticket.toString());
        JsonPath staff = search(ADMIN, "zeppelin", "size", 1);
        List<Map<String, Object>> highlights = staff.getList("items[0].highlights");
        assertTrue(highlights.stream().anyMatch(h -> "message".equals(h.get("field")) && h.get("messageId") != null
                && ((String) h.get("snippet")).contains("<mark>zeppelin</mark>")), highlights.toString());
        assertTrue(staff.getMap("items[0].ticket").containsKey("customerEmail"));
    }

    @Test
    void snippetsAreEscapedTextWithMarksAsTheOnlyMarkup() {
        JsonPath found = search(ADMIN, "zebra");
        assertEquals(List.of("markup"), keys(found));
        String subject = snippet(found, 0, "subject");
        String description = snippet(found, 0, "description");
        assertEquals("&lt;b&gt;Bold&lt;/b&gt; claim about a <mark>zebra</mark> pattern", subject);
        assertTrue(description.contains("&lt;mark&gt;fake&lt;/mark&gt; &amp; &lt;script&gt;alert(&#39;x&#39;)"),
                description);
        assertTrue(description.contains("<mark>zebra</mark>"), description);
        // every tag left is one of ours
        for (String snippet : List.of(subject, description)) {
            Matcher tag = Pattern.compile("<[^>]*>").matcher(snippet);
            while (tag.find()) {
                assertTrue(tag.group().equals("<mark>") || tag.group().equals("</mark>"), snippet);
            }
        }
        // the word inside the customer's "tags" is found and marked, the tags stay text
        String bold = snippet(search(ADMIN, "bold"), 0, "subject");
        assertEquals("&lt;b&gt;<mark>Bold</mark>&lt;/b&gt; claim about a zebra pattern", bold);
    }

    /**
     * support_headline (V20 rewrote it in PL/pgSQL for speed): the expected values are what V12's SQL
     * version returned on PostgreSQL 15 — the better-marking language wins, the markers and the stand-ins
     * for < and > are removed from the text first, null when nothing is marked or nothing can be.
     */
    @Test
    void theHeadlineFunctionKeepsItsResults() {
        String all = "HighlightAll=true";
        assertEquals("Die \u0001Stra\u00dfe\u0002 war gesperrt, die \u0001Lieferungen\u0002 kamen sp\u00e4t.",
                headline("Die Stra\u00dfe war gesperrt, die Lieferungen kamen sp\u00e4t.", "strasse lieferung", all));
        assertEquals("ab \uE000x\uE001 \u0001zebra\u0002  & ",
                headline("a\u0001b <x> zebra \u0002 & \uE000", "zebra", all));
        assertEquals("nineteen twenty \u0001zebra\u0002", headline("One two three four five six seven eight nine ten "
                + "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty zebra end", "zebra",
                "MaxFragments=2, MaxWords=5, MinWords=3, FragmentDelimiter=\" \u2026 \""));
        assertEquals(null, headline(null, "zebra", all));
        assertEquals(null, headline("zebra", "&", all));
        assertEquals(null, headline("no stripes here", "zebra", all));
    }

    private String headline(String body, String q, String options) {
        return pool.preparedQuery("SELECT support_headline($1, support_search_query($2), $3)")
                .execute(Tuple.of(body, q, options)).await().indefinitely().iterator().next().getString(0);
    }

    @Test
    void filtersCombineWithTheText() {
        assertEquals(List.of("printer"), keys(search(ADMIN, "printer", "category", "LATE")));
        assertEquals(List.of("toner"), keys(search(ADMIN, "printer", "category", "quality")));
        assertEquals(0, search(ADMIN, "printer", "status", "CLOSED").getInt("total"));
        assertEquals(2, search(ADMIN, "printer", "status", "OPEN", "priority", "MEDIUM").getInt("total"));
        assertEquals(0, search(ADMIN, "printer", "assigneeId", UUID.randomUUID().toString()).getInt("total"));
        assertEquals(0, search(ADMIN, "777777", "category", "LOST").getInt("total"));
    }

    @Test
    void pagesAreStableAndTotalsExact() {
        // several words joined by "or": most of the corpus
        JsonPath all = search(ADMIN, "box or door or table or desk or vase or printer or chair", "size", 100);
        int total = all.getInt("total");
        assertTrue(total >= 8, "total " + total);
        assertEquals(total, all.getList("items").size());
        assertFalse(all.getBoolean("totalCapped"));
        List<String> paged = new ArrayList<>();
        for (int page = 0; page * 3 < total; page++) {
            JsonPath one = search(ADMIN, "box or door or table or desk or vase or printer or chair", "size", 3,
                    "page", page);
            assertEquals(total, one.getInt("total"));
            assertEquals(page, one.getInt("page"));
            assertEquals(3, one.getInt("size"));
            paged.addAll(one.getList("items.ticket.id"));
        }
        assertEquals(all.getList("items.ticket.id"), paged);
        JsonPath past = search(ADMIN, "printer", "page", 50);
        assertEquals(2, past.getInt("total"));
        assertEquals(List.of(), past.getList("items"));
    }

    /**
     * A ticket found by its messages alone takes its date from the ticket (looked up once per ticket, not
     * per message): equal ranks are ordered newest ticket first, for staff (no condition on the ticket)
     * and for a customer (the ticket joined for the access rule), on every page.
     */
    @Test
    void ticketsFoundByMessagesOnlyAreOrderedNewestFirst() {
        List<String> newestFirst = List.of("wombat3", "wombat2", "wombat1");
        for (Person who : List.of(ADMIN, MUELLER)) {
            JsonPath found = search(who, "wombat");
            assertEquals(newestFirst, keys(found));
            assertEquals(3, found.getInt("total"));
            List<String> paged = new ArrayList<>();
            for (int page = 0; page < 3; page++) {
                paged.addAll(keys(search(who, "wombat", "size", 1, "page", page)));
            }
            assertEquals(newestFirst, paged);
            assertTrue(snippet(found, 0, "message").contains("<mark>wombat</mark> sticker"), found.prettify());
        }
    }

    @Test
    void theDocumentsFollowTheRows() {
        // a ticket's new subject is found at once (same transaction: the column is derived from the row)
        UUID fridge = UUID.fromString(IDS.get("fridge"));
        UUID drawer = UUID.fromString(IDS.get("drawer"));
        assertEquals(0, search(ADMIN, "armrest", "category", "DAMAGED").getInt("total"));
        // a message moved to another ticket by UPDATE (as a merge does) is found on its new ticket
        pool.preparedQuery("UPDATE ticket_message SET ticket_id = $1, seq = 1000 WHERE ticket_id = $2 AND body LIKE '%armrest%'")
                .execute(Tuple.of(fridge, UUID.fromString(IDS.get("chair")))).await().indefinitely();
        try {
            assertEquals(List.of("fridge"), keys(search(ADMIN, "armrest")));
        } finally {
            pool.preparedQuery("UPDATE ticket_message SET ticket_id = $1, seq = 2 WHERE ticket_id = $2 AND body LIKE '%armrest%'")
                    .execute(Tuple.of(UUID.fromString(IDS.get("chair")), fridge)).await().indefinitely();
        }
        assertEquals(List.of("chair"), keys(search(ADMIN, "armrest")));
        assertNotNull(drawer);
    }

    @Test
    void theQueryMustBeTwoTo200Characters() {
        for (String q : List.of("", " ", "a", "  b  ", "x".repeat(201), "y".repeat(500))) {
            as(ADMIN).queryParam("q", q).get(SEARCH).then().statusCode(400)
                    .body("errors[0].field", equalTo("q"));
        }
        as(ADMIN).get(SEARCH).then().statusCode(400).body("errors[0].field", equalTo("q"));
        // 200 characters is fine; so are two
        search(ADMIN, "z".repeat(200));
        search(ADMIN, "ab");
        // 200 emoji are 400 UTF-16 units but 200 characters
        search(ADMIN, "\uD83D\uDCE6".repeat(200));
        as(ADMIN).queryParam("q", "ab\u0000cd").get(SEARCH).then().statusCode(400).body("errors[0].field", equalTo("q"));
    }

    @Test
    void hostileTextIsJustText() {
        List<String> hostile = List.of("&", "|", "!", "!!", "<->", "(", ")", "\"", "\"\"", ":*", "a:*", "'", "''",
                "\\", "\\\\", "%", "%%", "_", "__", "%_%", "-", "--", "or", "or or", "\"unclosed phrase", "a & b | !c",
                "'; DROP TABLE ticket; --", "1' OR '1'='1", "$1", "$$", "E'\\x00'", ".*", "[a-z]+", "(?i)x", "^$",
                "\\d{3}", "{}", "\uD83D\uDCE6\uD83D\uDE9A", "Lieferung \u0434\u043E\u0441\u0442\u0430\u0432\u043A\u0430 \u914D\u9001",
                "\u0627\u0644\u0634\u062D\u0646", "\u202Eevil", "x\ty", "a\nb", "%%%%%%%", "the", "der die das");
        for (String q : hostile) {
            JsonPath found = search(ADMIN, q.length() < 2 ? q + q : q);
            assertTrue(found.getInt("total") >= 0, q);
        }
        // LIKE's wildcards and escape only match themselves
        assertEquals(0, search(ADMIN, "%%%").getInt("total"));
        assertEquals(0, search(ADMIN, "2025%777777").getInt("total"));
        assertEquals(0, search(ADMIN, "2025_777777").getInt("total"));
        assertEquals(List.of("underscore"), keys(search(ADMIN, "2025_4242")));
        assertEquals(0, search(ADMIN, "2025\\_424242").getInt("total"));
        // the tables are still there
        assertEquals(IDS.size(), pool.query("SELECT count(*) FROM ticket").execute().await().indefinitely().iterator()
                .next().getLong(0));
    }

    @Test
    void pagingAndFiltersAreChecked() {
        as(ADMIN).queryParam("q", "vase").queryParam("size", 0).get(SEARCH).then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        as(ADMIN).queryParam("q", "vase").queryParam("size", 101).get(SEARCH).then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        as(ADMIN).queryParam("q", "vase").queryParam("page", -1).get(SEARCH).then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
        as(ADMIN).queryParam("q", "vase").queryParam("status", "LOST").get(SEARCH).then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        as(ADMIN).queryParam("q", "vase").queryParam("assigneeId", "me").get(SEARCH).then().statusCode(400)
                .body("errors[0].field", equalTo("assigneeId"));
        JsonPath defaults = search(ADMIN, "vase");
        assertEquals(0, defaults.getInt("page"));
        assertEquals(20, defaults.getInt("size"));
        anonymous().queryParam("q", "vase").get(SEARCH).then().statusCode(401);
        // without the trailing slash too
        as(ADMIN).queryParam("q", "vase").get("/api/support/tickets/search").then().statusCode(200)
                .body("items[0].ticket.id", equalTo(IDS.get("vase")));
    }
}
