package com.logishift.support.faq.rest;

import static com.logishift.support.faq.support.Api.ADMIN;
import static com.logishift.support.faq.support.Api.PUBLIC;
import static com.logishift.support.faq.support.Api.as;
import static com.logishift.support.faq.support.Api.asAdmin;
import static com.logishift.support.faq.support.Api.create;
import static com.logishift.support.faq.support.Api.entry;
import static com.logishift.support.faq.support.Api.json;
import static com.logishift.support.faq.support.Api.uniqueTopic;
import static com.logishift.support.faq.support.Api.uniqueWord;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the FAQ: anyone may, and only published entries are ever shown. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class FaqBrowseTest {

    @Test
    void anonymousReadersSeeTheShippedEntriesInEditorialOrder() {
        JsonPath page = json().get(PUBLIC + "?size=100").then().statusCode(200)
                .contentType("application/json")
                .body("page", equalTo(0))
                .body("size", equalTo(100))
                .body("total", greaterThanOrEqualTo(14))
                .body("items.topicKey", hasItems("damaged-parcel", "lost-shipment", "late-delivery",
                        "quality-complaint", "return-shipment", "open-ticket"))
                .body("items.language", everyItem(equalTo("en")))
                .extract().jsonPath();
        List<Integer> orders = page.getList("items.order", Integer.class);
        List<Integer> sorted = new ArrayList<>(orders);
        sorted.sort(null);
        assertEquals(sorted, orders, "entries come in editorial order");
        // one entry per topic
        List<String> topics = page.getList("items.topicKey");
        assertEquals(topics.size(), new HashSet<>(topics).size());
    }

    @Test
    void draftsAreInvisibleToEveryReader() {
        String word = uniqueWord();
        String published = create(entry(uniqueTopic(), "en", "Published question " + word, "Visible answer " + word));
        Map<String, Object> draft = entry(uniqueTopic(), "en", "Draft question " + word, "Hidden answer " + word);
        draft.put("published", false);
        String draftId = create(draft);

        for (var reader : List.of(json(), as(Tokens.of("customer")), as(Tokens.of("agent")), as(Tokens.of("admin")))) {
            reader.queryParam("q", word).get(PUBLIC).then().statusCode(200)
                    .body("total", equalTo(1))
                    .body("items.id", equalTo(List.of(published)));
        }
        json().get(PUBLIC + "?size=100").then().statusCode(200).body("items.id", not(hasItem(draftId)));
        json().get(PUBLIC + draftId + "/").then().statusCode(404).contentType("application/problem+json");
        json().get(PUBLIC + published + "/").then().statusCode(200).body("question", equalTo("Published question " + word));

        // publishing it makes it visible
        Map<String, Object> publish = new java.util.HashMap<>(draft);
        publish.put("published", true);
        asAdmin().body(publish).put(ADMIN + draftId + "/").then().statusCode(200);
        json().queryParam("q", word).get(PUBLIC).then().statusCode(200).body("total", equalTo(2));
        json().get(PUBLIC + draftId).then().statusCode(200).body("answer", equalTo("Hidden answer " + word));
    }

    @Test
    void oneEntryShowsItsContentAndTheLanguagesOfItsTopic() {
        String id = json().queryParam("lang", "de").get(PUBLIC + "?size=100").then().statusCode(200)
                .extract().jsonPath().param("t", "damaged-parcel")
                .getString("items.find { it.topicKey == t }.id");
        json().get(PUBLIC + id + "/").then().statusCode(200)
                .body("id", equalTo(id))
                .body("language", equalTo("de"))
                .body("category", equalTo("DAMAGED"))
                .body("question", equalTo("Mein Paket ist beschädigt oder kaputt angekommen. Was soll ich tun?"))
                .body("answer", notNullValue())
                .body("helpfulCount", greaterThanOrEqualTo(0))
                .body("notHelpfulCount", greaterThanOrEqualTo(0))
                .body("createdAt", notNullValue())
                .body("translations.language", equalTo(List.of("de", "en", "fr")))
                .body("translations.find { it.language == 'de' }.id", equalTo(id));
    }

    @Test
    void listsArePaginated() {
        JsonPath first = json().get(PUBLIC + "?page=0&size=5").then().statusCode(200)
                .body("items", hasSize(5)).body("size", equalTo(5)).body("page", equalTo(0))
                .extract().jsonPath();
        long total = first.getLong("total");
        JsonPath second = json().get(PUBLIC + "?page=1&size=5").then().statusCode(200)
                .body("page", equalTo(1)).body("total", equalTo((int) total)).extract().jsonPath();
        List<String> overlap = new ArrayList<>(first.getList("items.id"));
        overlap.retainAll(second.getList("items.id"));
        assertTrue(overlap.isEmpty(), "pages do not repeat entries");
        // past the end: no items, still the right total
        json().get(PUBLIC + "?page=1000&size=100").then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo((int) total));
        json().get(PUBLIC).then().statusCode(200).body("size", equalTo(20)).body("page", equalTo(0));
    }

    @Test
    void badListParametersAre400NamingTheParameter() {
        assertBadParameter(PUBLIC + "?size=101", "size");
        assertBadParameter(PUBLIC + "?size=0", "size");
        assertBadParameter(PUBLIC + "?page=-1", "page");
        assertBadParameter(PUBLIC + "?size=abc", "size");
        assertBadParameter(PUBLIC + "?page=1.5", "page");
        assertBadParameter(PUBLIC + "?page=99999999999999999999", "page");
        assertBadParameter(PUBLIC + "?category=BROKEN", "category");
        assertBadParameter(PUBLIC + "?lang=english", "lang");
        assertBadParameter(PUBLIC + "?lang=../../etc/passwd", "lang");
        json().get(PUBLIC + "not-a-uuid/").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"));
        json().get(PUBLIC + java.util.UUID.randomUUID() + "/").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void categoryFilterNarrowsTheList() {
        json().get(PUBLIC + "?category=DAMAGED&size=100").then().statusCode(200)
                .body("items.category", everyItem(equalTo("DAMAGED")))
                .body("items.topicKey", hasItems("damaged-parcel", "damaged-hidden"));
        json().get(PUBLIC + "?category=returns&size=100").then().statusCode(200)
                .body("items.category", everyItem(equalTo("RETURNS")))
                .body("items.topicKey", hasItems("return-shipment", "refuse-delivery"));
    }

    @Test
    void trailingSlashIsOptionalOnEveryPath() {
        String id = json().get(PUBLIC).then().statusCode(200).extract().path("items[0].id");
        json().get("/api/support/faq").then().statusCode(200).body("items", notNullValue());
        json().get("/api/support/faq/").then().statusCode(200).body("items", notNullValue());
        json().get("/api/support/faq/" + id).then().statusCode(200).body("id", equalTo(id));
        json().get("/api/support/faq/" + id + "/").then().statusCode(200).body("id", equalTo(id));
        String token = Tokens.of("customer");
        as(token).body(Map.of("helpful", true)).post("/api/support/faq/" + id + "/vote").then().statusCode(200);
        as(token).body(Map.of("helpful", true)).post("/api/support/faq/" + id + "/vote/").then().statusCode(200);
        asAdmin().get("/api/admin/faq").then().statusCode(200);
        asAdmin().get("/api/admin/faq/").then().statusCode(200);
        asAdmin().get("/api/admin/faq/" + id).then().statusCode(200);
        asAdmin().get("/api/admin/faq/" + id + "/").then().statusCode(200);
        String created = asAdmin().body(entry(uniqueTopic(), "en", "Slash question?", "Slash answer."))
                .post("/api/admin/faq").then().statusCode(201).extract().path("id");
        asAdmin().body(entry(uniqueTopic(), "en", "Other slash question?", "Slash answer."))
                .post("/api/admin/faq/").then().statusCode(201);
        asAdmin().body(entry(uniqueTopic(), "en", "Slash question, edited?", "Slash answer."))
                .put("/api/admin/faq/" + created).then().statusCode(200);
        asAdmin().body(entry(uniqueTopic(), "en", "Slash question, edited twice?", "Slash answer."))
                .put("/api/admin/faq/" + created + "/").then().statusCode(200);
        asAdmin().delete("/api/admin/faq/" + created).then().statusCode(204);
        String another = create(entry(uniqueTopic(), "en", "Slash question 3?", "Slash answer."));
        asAdmin().delete("/api/admin/faq/" + another + "/").then().statusCode(204);
    }

    private static void assertBadParameter(String path, String field) {
        json().get(path).then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", equalTo("https://support.logishift.com/problems/invalid-request"))
                .body("errors.field", equalTo(List.of(field)));
    }
}
