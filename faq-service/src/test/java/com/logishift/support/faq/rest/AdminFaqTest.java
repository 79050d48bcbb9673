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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Admins manage entries, drafts included; nobody else may. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class AdminFaqTest {

    @Test
    void adminsCreateReadUpdateAndDeleteEntries() {
        String topic = uniqueTopic();
        String word = uniqueWord();
        Map<String, Object> body = entry(topic, "en", "How do I " + word + "?", "Like *this*.");
        body.put("category", "SHIPPING");
        body.put("order", 500);
        body.put("published", false);
        String location = asAdmin().body(body).post(ADMIN).then().statusCode(201)
                .header("Location", containsString("/api/admin/faq/"))
                .body("topicKey", equalTo(topic))
                .body("language", equalTo("en"))
                .body("category", equalTo("SHIPPING"))
                .body("question", equalTo("How do I " + word + "?"))
                .body("answer", equalTo("Like *this*."))
                .body("published", equalTo(false))
                .body("order", equalTo(500))
                .body("helpfulCount", equalTo(0))
                .body("version", equalTo(0))
                .body("createdAt", notNullValue())
                .extract().header("Location");
        String id = location.replaceAll(".*/api/admin/faq/([^/]+)/?$", "$1");
        asAdmin().get(location).then().statusCode(200).body("id", equalTo(id));

        // drafts show in the admin list, not to readers
        asAdmin().queryParam("topicKey", topic).get(ADMIN).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id)).body("items[0].published", equalTo(false));
        asAdmin().queryParam("published", "false").queryParam("size", 100).get(ADMIN).then().statusCode(200)
                .body("items.published", everyItem(equalTo(false)));
        json().get(PUBLIC + id).then().statusCode(404);

        Map<String, Object> edit = entry(topic, "en", "How do I " + word + " quickly?", "Like *that*.");
        edit.put("category", "SHIPPING");
        edit.put("version", 0);
        asAdmin().body(edit).put(ADMIN + id + "/").then().statusCode(200)
                .body("question", equalTo("How do I " + word + " quickly?"))
                .body("published", equalTo(true))
                .body("order", equalTo(500))
                .body("version", equalTo(1));
        json().get(PUBLIC + id).then().statusCode(200).body("answer", equalTo("Like *that*."));

        asAdmin().delete(ADMIN + id + "/").then().statusCode(204);
        asAdmin().get(ADMIN + id).then().statusCode(404).contentType("application/problem+json");
        asAdmin().delete(ADMIN + id).then().statusCode(404);
        json().get(PUBLIC + id).then().statusCode(404);
    }

    @Test
    void savingAStaleVersionIs409() {
        String topic = uniqueTopic();
        String id = create(entry(topic, "en", "Version test?", "First."));
        Map<String, Object> first = entry(topic, "en", "Version test?", "Second.");
        first.put("version", 0);
        asAdmin().body(first).put(ADMIN + id).then().statusCode(200).body("version", equalTo(1));
        Map<String, Object> stale = entry(topic, "en", "Version test?", "Overwrites the second?");
        stale.put("version", 0);
        asAdmin().body(stale).put(ADMIN + id).then().statusCode(409).contentType("application/problem+json");
        asAdmin().get(ADMIN + id).then().body("answer", equalTo("Second."));
    }

    @Test
    void aTopicHasOneEntryPerLanguage() {
        String topic = uniqueTopic();
        create(entry(topic, "en", "Once?", "Yes."));
        asAdmin().body(entry(topic, "en", "Twice?", "No.")).post(ADMIN).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(topic));
        String de = create(entry(topic, "de", "Einmal?", "Ja."));
        // moving the German entry onto the English slot is refused too
        asAdmin().body(entry(topic, "en", "Einmal?", "Ja.")).put(ADMIN + de).then().statusCode(409);
    }

    @Test
    void categoryAndOrderBelongToTheTopic() {
        String topic = uniqueTopic();
        Map<String, Object> en = entry(topic, "en", "Topic question?", "Answer.");
        en.put("category", "LATE");
        en.put("order", 777);
        String enId = create(en);
        // a new translation without an order takes the topic's
        Map<String, Object> de = entry(topic, "de", "Themenfrage?", "Antwort.");
        de.put("category", "LATE");
        String deId = create(de);
        asAdmin().get(ADMIN + deId).then().body("order", equalTo(777));

        // changing them on one language changes them on all
        Map<String, Object> move = entry(topic, "de", "Themenfrage?", "Antwort.");
        move.put("category", "LOST");
        move.put("order", 15);
        asAdmin().body(move).put(ADMIN + deId).then().statusCode(200);
        asAdmin().get(ADMIN + enId).then().statusCode(200)
                .body("category", equalTo("LOST")).body("order", equalTo(15)).body("version", equalTo(1));
        asAdmin().queryParam("topicKey", topic).get(ADMIN).then()
                .body("items", hasSize(2)).body("items.category", everyItem(equalTo("LOST")));
    }

    @Test
    void withoutATopicKeyTheKeyIsMadeFromTheQuestionAndStaysUnique() {
        String word = uniqueWord();
        Map<String, Object> body = entry(null, "en", "Where is my " + word + " parcel? (Überfällig!)", "Ask us.");
        body.remove("topicKey");
        String key = "where-is-my-" + word + "-parcel-ueberfaellig";
        asAdmin().body(body).post(ADMIN).then().statusCode(201).body("topicKey", equalTo(key));
        // the same question again is another topic, in whatever language
        asAdmin().body(body).post(ADMIN).then().statusCode(201).body("topicKey", equalTo(key + "-2"));
        body.put("language", "de");
        asAdmin().body(body).post(ADMIN).then().statusCode(201).body("topicKey", equalTo(key + "-3"));
        // a long question gives a bounded key, cut between words
        Map<String, Object> longOne = entry(null, "en", word + " " + "very long question ".repeat(15), "A.");
        longOne.remove("topicKey");
        String longKey = asAdmin().body(longOne).post(ADMIN).then().statusCode(201).extract().path("topicKey");
        org.junit.jupiter.api.Assertions.assertTrue(longKey.length() <= 80 && longKey.matches("[a-z0-9]+(-[a-z0-9]+)*"),
                longKey);
        // a replace without a key keeps the entry's topic
        String id = asAdmin().queryParam("topicKey", key).get(ADMIN).then().extract().path("items[0].id");
        Map<String, Object> edit = entry(null, "en", "Where is my " + word + " parcel now?", "Ask us again.");
        edit.remove("topicKey");
        asAdmin().body(edit).put(ADMIN + id).then().statusCode(200).body("topicKey", equalTo(key));
        // a key that is given must still be a key
        Map<String, Object> blank = entry(" ", "en", "Q?", "A.");
        asAdmin().body(blank).post(ADMIN).then().statusCode(400).body("errors.field", equalTo(List.of("topicKey")));
    }

    @Test
    void invalidEntriesAre400NamingEachField() {
        asAdmin().body(Map.of()).post(ADMIN).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("answer", "category", "language", "question")));
        Map<String, Object> bad = new HashMap<>(entry("Not A Key!", "EN", " ", "x".repeat(20_001)));
        bad.put("order", 2_000_000);
        asAdmin().body(bad).post(ADMIN).then().statusCode(400)
                .body("errors.field", equalTo(List.of("answer", "language", "order", "question", "topicKey")));
        Map<String, Object> badCategory = entry(uniqueTopic(), "en", "Q?", "A.");
        badCategory.put("category", "BROKEN");
        asAdmin().body(badCategory).post(ADMIN).then().statusCode(400)
                .body("errors.field", equalTo(List.of("category")))
                .body("errors[0].message", containsString("DAMAGED, LOST, LATE, QUALITY, OTHER, SHIPPING, RETURNS"));
        asAdmin().body("{\"topicKey\": ").post(ADMIN).then().statusCode(400)
                .body("errors.field", equalTo(List.of("body")));
        asAdmin().contentType("text/plain").body("hello").post(ADMIN).then().statusCode(415)
                .contentType("application/problem+json");
        asAdmin().body(entry(uniqueTopic(), "en", "Q?", "A.")).put(ADMIN + "123").then().statusCode(400)
                .body("errors.field", equalTo(List.of("id")));
        asAdmin().body(entry(uniqueTopic(), "en", "Q?", "A.")).put(ADMIN + UUID.randomUUID()).then().statusCode(404);
        asAdmin().get(ADMIN + "?published=maybe").then().statusCode(400)
                .body("errors.field", equalTo(List.of("published")));
        asAdmin().get(ADMIN + "?lang=deu").then().statusCode(400).body("errors.field", equalTo(List.of("lang")));
    }

    @Test
    void everyOtherRoleIs403AndAnonymousIs401() {
        String id = create(entry(uniqueTopic(), "en", "Protected?", "Yes."));
        Map<String, Object> body = entry(uniqueTopic(), "en", "Sneaky?", "No.");
        List<Supplier<RequestSpecification>> nonAdmins = List.of(
                () -> as(Tokens.of("customer")), () -> as(Tokens.of("agent")));
        for (Supplier<RequestSpecification> caller : nonAdmins) {
            caller.get().get(ADMIN).then().statusCode(403).contentType("application/problem+json");
            caller.get().get(ADMIN + id).then().statusCode(403);
            caller.get().body(body).post(ADMIN).then().statusCode(403);
            caller.get().body(body).put(ADMIN + id).then().statusCode(403);
            caller.get().delete(ADMIN + id).then().statusCode(403);
        }
        json().get(ADMIN).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        json().get(ADMIN + id).then().statusCode(401);
        json().body(body).post(ADMIN).then().statusCode(401);
        json().body(body).put(ADMIN + id).then().statusCode(401);
        json().delete(ADMIN + id).then().statusCode(401);
        // forged admin tokens get nowhere either
        as(Tokens.signedByAnotherKey("admin")).delete(ADMIN + id).then().statusCode(401)
                .contentType("application/problem+json");
        as(Tokens.expired("admin")).delete(ADMIN + id).then().statusCode(401);
        // nothing changed
        json().get(PUBLIC + id).then().statusCode(200).body("question", equalTo("Protected?"));
        json().queryParam("q", "Sneaky").get(PUBLIC).then().body("items.question", not(hasItem("Sneaky?")));
    }

    @Test
    void theAdminListFiltersByLanguageAndCategory() {
        asAdmin().queryParam("lang", "fr").queryParam("size", 100).get(ADMIN).then().statusCode(200)
                .body("items.language", everyItem(equalTo("fr")))
                .body("items.topicKey", hasItem("damaged-parcel"));
        asAdmin().queryParam("category", "SUPPORT").queryParam("lang", "de").get(ADMIN).then().statusCode(200)
                .body("items.category", everyItem(equalTo("SUPPORT")))
                .body("items.topicKey", hasItem("open-ticket"))
                .body("items[0].version", notNullValue());
        asAdmin().get(ADMIN + "?size=101").then().statusCode(400).body("errors.field", equalTo(List.of("size")));
    }

    @Test
    void theLocationHeaderPointsAtTheAdminResource() {
        asAdmin().body(entry(uniqueTopic(), "en", "Where?", "Here.")).post(ADMIN).then().statusCode(201)
                .header("Location", endsWith("/"));
    }
}
