package com.logishift.support.faq.rest;

import static com.logishift.support.faq.support.Api.ADMIN;
import static com.logishift.support.faq.support.Api.PUBLIC;
import static com.logishift.support.faq.support.Api.asAdmin;
import static com.logishift.support.faq.support.Api.create;
import static com.logishift.support.faq.support.Api.entry;
import static com.logishift.support.faq.support.Api.json;
import static com.logishift.support.faq.support.Api.uniqueTopic;
import static com.logishift.support.faq.support.Api.uniqueWord;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.logishift.support.kit.test.JwtKeysTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Readers get each topic in their language when it is translated, in English otherwise. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class LanguageFallbackTest {

    @Test
    void untranslatedTopicsFallBackToEnglish() {
        String word = uniqueWord();
        String topic = uniqueTopic();
        String en = create(entry(topic, "en", "Where is my " + word + "?", "English answer " + word));
        String de = create(entry(topic, "de", "Wo ist mein " + word + "?", "Deutsche Antwort " + word));

        json().queryParam("q", word).queryParam("lang", "de").get(PUBLIC).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(de))
                .body("items[0].language", equalTo("de"));
        // no French version: the English one, once
        json().queryParam("q", word).queryParam("lang", "fr").get(PUBLIC).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(en))
                .body("items[0].language", equalTo("en"));
        // a language nobody writes in
        json().queryParam("q", word).queryParam("lang", "ja").get(PUBLIC).then().statusCode(200)
                .body("items.id", equalTo(List.of(en)));
        // default and explicit English
        json().queryParam("q", word).get(PUBLIC).then().statusCode(200).body("items.id", equalTo(List.of(en)));
        json().queryParam("q", word).queryParam("lang", "en").get(PUBLIC).then().statusCode(200)
                .body("items.id", equalTo(List.of(en)));
        // language tags with a region, any case
        json().queryParam("q", word).queryParam("lang", "de-CH").get(PUBLIC).then().statusCode(200)
                .body("items.id", equalTo(List.of(de)));
        json().queryParam("q", word).queryParam("lang", "DE").get(PUBLIC).then().statusCode(200)
                .body("items.id", equalTo(List.of(de)));
    }

    @Test
    void aDraftTranslationDoesNotHideThePublishedEnglishVersion() {
        String word = uniqueWord();
        String topic = uniqueTopic();
        String en = create(entry(topic, "en", "Question " + word, "Answer " + word));
        Map<String, Object> draft = entry(topic, "fr", "Question " + word + " en français", "Réponse " + word);
        draft.put("published", false);
        String fr = create(draft);

        json().queryParam("q", word).queryParam("lang", "fr").get(PUBLIC).then().statusCode(200)
                .body("items.id", equalTo(List.of(en)));
        json().get(PUBLIC + en).then().statusCode(200)
                .body("translations.language", equalTo(List.of("en")));

        Map<String, Object> publish = entry(topic, "fr", "Question " + word + " en français", "Réponse " + word);
        asAdmin().body(publish).put(ADMIN + fr).then().statusCode(200);
        json().queryParam("q", word).queryParam("lang", "fr").get(PUBLIC).then().statusCode(200)
                .body("items.id", equalTo(List.of(fr)));
        json().get(PUBLIC + en).then().statusCode(200)
                .body("translations.language", equalTo(List.of("en", "fr")))
                .body("translations.find { it.language == 'fr' }.id", equalTo(fr));
    }

    @Test
    void aTopicWithoutAnEnglishVersionIsListedOnlyInItsLanguagesButASearchFindingNothingElseFindsIt() {
        String word = uniqueWord();
        String de = create(entry(uniqueTopic(), "de", "Nur deutsch " + word, "Antwort " + word));
        json().queryParam("q", word).queryParam("lang", "de").get(PUBLIC).then().statusCode(200)
                .body("items.id", equalTo(List.of(de)));
        json().queryParam("lang", "fr").queryParam("size", 100).get(PUBLIC).then().statusCode(200)
                .body("items.id", not(hasItem(de)));
        // nothing in French or English matches: the search looks in every language, and says which
        json().queryParam("q", word).queryParam("lang", "fr").get(PUBLIC).then().statusCode(200)
                .body("items.id", equalTo(List.of(de))).body("items[0].language", equalTo("de"));
        json().queryParam("q", word).get(PUBLIC).then().statusCode(200).body("items.id", equalTo(List.of(de)));
    }

    @Test
    void frenchReadersSeeEveryShippedTopicOnceInTheBestLanguage() {
        JsonPath fr = json().queryParam("lang", "fr").queryParam("size", 100).get(PUBLIC).then().statusCode(200)
                .extract().jsonPath();
        JsonPath en = json().queryParam("lang", "en").queryParam("size", 100).get(PUBLIC).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(en.getList("items.topicKey"), fr.getList("items.topicKey"), "the same topics, same order");
        assertEquals("fr", language(fr, "damaged-parcel"));
        assertEquals("fr", language(fr, "late-delivery"));
        assertEquals("en", language(fr, "track-delivery"));
        assertEquals("en", language(fr, "customer-account"));
        assertEquals("Mon colis est arrivé endommagé ou cassé. Que dois-je faire ?",
                fr.param("t", "damaged-parcel").getString("items.find { it.topicKey == t }.question"));
    }

    @Test
    void everyShippedTopicHasAGermanVersion() {
        JsonPath de = json().queryParam("lang", "de").queryParam("size", 100).get(PUBLIC).then().statusCode(200)
                .extract().jsonPath();
        for (String topic : List.of("damaged-parcel", "damaged-hidden", "lost-shipment", "lost-marked-delivered",
                "late-delivery", "track-delivery", "change-delivery", "quality-complaint", "return-shipment",
                "refuse-delivery", "open-ticket", "ticket-status", "support-feedback", "customer-account")) {
            assertEquals("de", language(de, topic), topic);
        }
    }

    private static String language(JsonPath page, String topic) {
        return page.param("t", topic).getString("items.find { it.topicKey == t }.language");
    }
}
