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
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Full-text search over the shipped entries and entries the tests write. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class FaqSearchTest {

    /** A public search for {@code q}, with more query parameters as name, value pairs: answered 200. */
    private static ValidatableResponse search(String q, Object... more) {
        RequestSpecification request = json().queryParam("q", q);
        for (int i = 0; i < more.length; i += 2) {
            request = request.queryParam((String) more[i], more[i + 1]);
        }
        return request.get(PUBLIC).then().statusCode(200);
    }

    @Test
    void damageFindsTheDamageEntriesFirst() {
        search("damage")
                .body("items[0].category", equalTo("DAMAGED"))
                .body("items[1].category", equalTo("DAMAGED"))
                .body("items.topicKey", hasItem("damaged-parcel"));
    }

    @Test
    void brokenParcelFindsTheDamagedParcelEntry() {
        search("broken parcel")
                .body("items[0].topicKey", equalTo("damaged-parcel"))
                .body("items[0].category", equalTo("DAMAGED"));
    }

    @Test
    void pluralsAndInflectionsMatchTheirStem() {
        // "packages" is stemmed to "packag", as is "package"/"packages" in the entries
        search("packages")
                .body("total", greaterThanOrEqualTo(1));
        search("damages")
                .body("items[0].category", equalTo("DAMAGED"));
        search("delayed deliveries")
                .body("items[0].topicKey", equalTo("late-delivery"));
    }

    @Test
    void entriesAreStemmedInTheirOwnLanguage() {
        // German: "Pakete" → "paket", "beschädigt" matches "beschädigt"
        search("Pakete beschädigt", "lang", "de")
                .body("items[0].topicKey", equalTo("damaged-parcel"))
                .body("items[0].language", equalTo("de"));
        search("kaputt", "lang", "de")
                .body("items[0].topicKey", equalTo("damaged-parcel"));
        // French: "endommagés" → "endommag"
        search("colis endommagés", "lang", "fr")
                .body("items[0].topicKey", equalTo("damaged-parcel"))
                .body("items[0].language", equalTo("fr"));
    }

    @Test
    void aFrenchReaderSearchesTheEnglishVersionOfUntranslatedTopics() {
        search("track delivery ID", "lang", "fr")
                .body("items[0].topicKey", equalTo("track-delivery"))
                .body("items[0].language", equalTo("en"));
    }

    @Test
    void aQuestionWithWordsNoEntryHasAllOfStillFindsTheBestMatches() {
        // no entry contains "yesterday" or "evening": all-words finds nothing, any-word ranks by overlap
        search("my parcel arrived broken yesterday evening")
                .body("items[0].topicKey", equalTo("damaged-parcel"));
    }

    @Test
    void searchRespectsTheCategoryFilter() {
        search("parcel", "category", "LOST")
                .body("items", not(hasSize(0)))
                .body("items.category", everyItem(equalTo("LOST")));
    }

    @Test
    void aSearchWithNoMatchIsAnEmptyPage() {
        search(uniqueWord())
                .body("items", hasSize(0)).body("total", equalTo(0));
    }

    @Test
    void questionsWeighMoreThanAnswers() {
        String word = uniqueWord();
        String inAnswer = create(entry(uniqueTopic(), "en", "Unrelated heading", "Here the answer says " + word + "."));
        String inQuestion = create(entry(uniqueTopic(), "en", "What about " + word + "?", "A short answer."));
        search(word)
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
            search(q)
                    .contentType("application/json")
                    .body("items", notNullValue())
                    .body("total", greaterThanOrEqualTo(0));
            search(q, "lang", "de", "category", "DAMAGED");
        }
        // the entries are all still there
        json().get(PUBLIC + "?size=100").then().statusCode(200).body("items.topicKey", hasItem("damaged-parcel"));
    }

    @Test
    void searchTextsLongerThan200CharactersAre400() {
        search("a".repeat(200));
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
        search("   ").body("total", equalTo(total));
    }

    @Test
    void searchResultsArePaginated() {
        String word = uniqueWord();
        for (int i = 0; i < 3; i++) {
            create(entry(uniqueTopic(), "en", "Pagination " + word + " " + i, "Answer " + i));
        }
        search(word, "size", 2)
                .body("total", equalTo(3)).body("items", hasSize(2));
        search(word, "size", 2, "page", 1)
                .body("total", equalTo(3)).body("items", hasSize(1));
        search(word, "size", 2, "page", 5)
                .body("total", equalTo(3)).body("items", hasSize(0));
    }

    @Test
    void markdownAndSpecialCharactersComeBackUnchanged() {
        String word = uniqueWord();
        String answer = "**Bold** <b>not html</b> & \"quotes\" 'single' 📦\n\n1. first\n2. second";
        String id = create(entry(uniqueTopic(), "en", "Formatting " + word + "?", answer));
        json().get(PUBLIC + id).then().statusCode(200).body("answer", equalTo(answer));
        search(word).body("items[0].answer", equalTo(answer));
    }

    @Test
    void searchTextsNeedNoEscaping() {
        String word = uniqueWord();
        String id = create(entry(uniqueTopic(), "en", "Quoting " + word + " isn't hard?", "It's fine."));
        for (String q : List.of("\"" + word + "\"", "'" + word + "'", word + "!!!", "(" + word + ")", word + ":*")) {
            search(q).body("items.id", equalTo(List.of(id)));
        }
        search(word + " -quoting").body("total", equalTo(0));
        search(Map.of("k", "v").toString());
    }
}
