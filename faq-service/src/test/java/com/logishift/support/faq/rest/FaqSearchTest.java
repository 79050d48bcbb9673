package com.logishift.support.faq.rest;

import static com.logishift.support.faq.support.Api.PUBLIC;
import static com.logishift.support.faq.support.Api.create;
import static com.logishift.support.faq.support.Api.entry;
import static com.logishift.support.faq.support.Api.json;
import static com.logishift.support.faq.support.Api.uniqueTopic;
import static com.logishift.support.faq.support.Api.uniqueWord;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.logishift.support.kit.test.JwtKeysTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Full-text search over the shipped entries and entries the tests write. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class FaqSearchTest {

    @Test
    void damageFindsTheDamageEntriesFirst() {
        json().queryParam("q", "damage").get(PUBLIC).then().statusCode(200)
                .body("items[0].category", equalTo("DAMAGED"))
                .body("items[1].category", equalTo("DAMAGED"))
                .body("items.topicKey", hasItem("damaged-parcel"));
    }

    @Test
    void brokenParcelFindsTheDamagedParcelEntry() {
        json().queryParam("q", "broken parcel").get(PUBLIC).then().statusCode(200)
                .body("items[0].topicKey", equalTo("damaged-parcel"))
                .body("items[0].category", equalTo("DAMAGED"));
    }

    @Test
    void pluralsAndInflectionsMatchTheirStem() {
        // "packages" is stemmed to "packag", as is "package"/"packages" in the entries
        json().queryParam("q", "packages").get(PUBLIC).then().statusCode(200)
                .body("total", greaterThanOrEqualTo(1));
        json().queryParam("q", "damages").get(PUBLIC).then().statusCode(200)
                .body("items[0].category", equalTo("DAMAGED"));
        json().queryParam("q", "delayed deliveries").get(PUBLIC).then().statusCode(200)
                .body("items[0].topicKey", equalTo("late-delivery"));
    }

    @Test
    void entriesAreStemmedInTheirOwnLanguage() {
        // German: "Pakete" → "paket", "beschädigt" matches "beschädigt"
        json().queryParam("q", "Pakete beschädigt").queryParam("lang", "de").get(PUBLIC).then().statusCode(200)
                .body("items[0].topicKey", equalTo("damaged-parcel"))
                .body("items[0].language", equalTo("de"));
        json().queryParam("q", "kaputt").queryParam("lang", "de").get(PUBLIC).then().statusCode(200)
                .body("items[0].topicKey", equalTo("damaged-parcel"));
        // French: "endommagés" → "endommag"
        json().queryParam("q", "colis endommagés").queryParam("lang", "fr").get(PUBLIC).then().statusCode(200)
                .body("items[0].topicKey", equalTo("damaged-parcel"))
                .body("items[0].language", equalTo("fr"));
    }

    @Test
    void aFrenchReaderSearchesTheEnglishVersionOfUntranslatedTopics() {
        json().queryParam("q", "track delivery ID").queryParam("lang", "fr").get(PUBLIC).then().statusCode(200)
                .body("items[0].topicKey", equalTo("track-delivery"))
                .body("items[0].language", equalTo("en"));
    }

    @Test
    void aQuestionWithWordsNoEntryHasAllOfStillFindsTheBestMatches() {
        // no entry contains "yesterday" or "evening": all-words finds nothing, any-word ranks by overlap
        json().queryParam("q", "my parcel arrived broken yesterday evening").get(PUBLIC).then().statusCode(200)
                .body("items[0].topicKey", equalTo("damaged-parcel"));
    }

    @Test
    void searchRespectsTheCategoryFilter() {
        json().queryParam("q", "parcel").queryParam("category", "LOST").get(PUBLIC).then().statusCode(200)
                .body("items", not(hasSize(0)))
                .body("items.category", everyItem(equalTo("LOST")));
    }

    @Test
    void aSearchWithNoMatchIsAnEmptyPage() {
        json().queryParam("q", uniqueWord()).get(PUBLIC).then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(0));
    }

    @Test
    void questionsWeighMoreThanAnswers() {
        String word = uniqueWord();
        String inAnswer = create(entry(uniqueTopic(), "en", "Unrelated heading", "Here the answer says " + word + "."));
        String inQuestion = create(entry(uniqueTopic(), "en", "What about " + word + "?", "A short answer."));
        json().queryParam("q", word).get(PUBLIC).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", equalTo(List.of(inQuestion, inAnswer)));
    }

    @Test
    void hostileSearchTextsNeverFail() {
        List<String> hostile = List.of(
                "'", "\"", "\\", "''", "\"unbalanced", "'; DROP TABLE faq_entry; --", "\" OR 1=1 --",
                "1' OR '1'='1", "!@#$%^&*()", ":*", "a:* & b | !c", "(((", ")))", "<->", "<2>", "!", "&", "|",
                "-", "--", "- - -", "or", "or or or", "-damage", "\"\"\"", "?!.,;:", "…", "%", "%00", "_",
                "<script>alert(1)</script>", "${jndi:ldap://x}", "📦🚚💥", "🙂", "👩‍👩‍👧", "日本語の荷物",
                "ñandú", "\t\n\r", "\u202e\u200b", "\\x00", "NULL", "null",
                "damage".repeat(33), "!".repeat(200), "📦".repeat(200));
        for (String q : hostile) {
            json().queryParam("q", q).get(PUBLIC).then().statusCode(200)
                    .contentType("application/json")
                    .body("items", notNullValue())
                    .body("total", greaterThanOrEqualTo(0));
            json().queryParam("q", q).queryParam("lang", "de").queryParam("category", "DAMAGED")
                    .get(PUBLIC).then().statusCode(200);
        }
        // the entries are all still there
        json().get(PUBLIC + "?size=100").then().statusCode(200).body("items.topicKey", hasItem("damaged-parcel"));
    }

    @Test
    void searchTextsLongerThan200CharactersAre400() {
        json().queryParam("q", "a".repeat(200)).get(PUBLIC).then().statusCode(200);
        for (String q : List.of("a".repeat(201), "x".repeat(10_000), "damage ".repeat(1_500))) {
            json().queryParam("q", q).get(PUBLIC).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("q")))
                    .body("errors[0].message", equalTo("must be at most 200 characters"));
        }
    }

    @Test
    void blankSearchIsBrowsing() {
        int total = json().get(PUBLIC).then().statusCode(200).extract().path("total");
        json().queryParam("q", "   ").get(PUBLIC).then().statusCode(200).body("total", equalTo(total));
    }

    @Test
    void searchResultsArePaginated() {
        String word = uniqueWord();
        for (int i = 0; i < 3; i++) {
            create(entry(uniqueTopic(), "en", "Pagination " + word + " " + i, "Answer " + i));
        }
        json().queryParam("q", word).queryParam("size", 2).get(PUBLIC).then().statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(2));
        json().queryParam("q", word).queryParam("size", 2).queryParam("page", 1).get(PUBLIC).then().statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(1));
        json().queryParam("q", word).queryParam("size", 2).queryParam("page", 5).get(PUBLIC).then().statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(0));
    }

    @Test
    void markdownAndSpecialCharactersComeBackUnchanged() {
        String word = uniqueWord();
        String answer = "**Bold** <b>not html</b> & \"quotes\" 'single' 📦\n\n1. first\n2. second";
        String id = create(entry(uniqueTopic(), "en", "Formatting " + word + "?", answer));
        json().get(PUBLIC + id).then().statusCode(200).body("answer", equalTo(answer));
        json().queryParam("q", word).get(PUBLIC).then().statusCode(200).body("items[0].answer", equalTo(answer));
    }

    @Test
    void searchTextsNeedNoEscaping() {
        String word = uniqueWord();
        String id = create(entry(uniqueTopic(), "en", "Quoting " + word + " isn't hard?", "It's fine."));
        for (String q : List.of("\"" + word + "\"", "'" + word + "'", word + "!!!", "(" + word + ")", word + ":*")) {
            json().queryParam("q", q).get(PUBLIC).then().statusCode(200).body("items.id", equalTo(List.of(id)));
        }
        json().queryParam("q", word + " -quoting").get(PUBLIC).then().statusCode(200).body("total", equalTo(0));
        json().queryParam("q", Map.of("k", "v").toString()).get(PUBLIC).then().statusCode(200);
    }
}
