package com.logishift.support.faq.support;

import com.logishift.support.kit.test.Tokens;
import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Helpers the integration tests share: requests as a role, FAQ entries created through the admin API. */
public final class Api {

    public static final String PUBLIC = "/api/support/faq/";
    public static final String ADMIN = "/api/admin/faq/";

    private Api() {
    }

    public static RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification as(String token) {
        return json().header("Authorization", "Bearer " + token);
    }

    public static RequestSpecification asAdmin() {
        return as(Tokens.of("admin"));
    }

    /**
     * A made-up word that appears nowhere else, so a test can find exactly its own entries. Letters
     * only: stemmers keep it whole.
     */
    public static String uniqueWord() {
        StringBuilder word = new StringBuilder("zq");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            word.append((char) ('a' + Character.digit(c, 16)));
        }
        return word.toString().toLowerCase(Locale.ROOT);
    }

    public static String uniqueTopic() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid create body; tests change what they are about. */
    public static Map<String, Object> entry(String topicKey, String language, String question, String answer) {
        Map<String, Object> body = new HashMap<>();
        body.put("topicKey", topicKey);
        body.put("language", language);
        body.put("category", "OTHER");
        body.put("question", question);
        body.put("answer", answer);
        body.put("published", true);
        return body;
    }

    /** Creates an entry as admin; returns its id. */
    public static String create(Map<String, Object> body) {
        return asAdmin().body(body).post(ADMIN).then().statusCode(201).extract().path("id");
    }
}
