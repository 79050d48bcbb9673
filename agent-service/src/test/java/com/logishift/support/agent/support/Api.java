package com.logishift.support.agent.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Small helpers the integration tests share: unique accounts, sign-in, tokens. */
public final class Api {

    public static final String ADMIN_EMAIL = "admin@test.logishift.local";
    public static final String ADMIN_PASSWORD = "test-admin-password-1";
    public static final String PASSWORD = "correct horse battery";

    private Api() {
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@example.com";
    }

    public static Map<String, Object> registration(String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Test Person");
        body.put("email", email);
        body.put("password", PASSWORD);
        body.put("phone", "+49 30 1234567");
        return body;
    }

    public static RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification as(String token) {
        return json().header("Authorization", "Bearer " + token);
    }

    /** Registers a customer; returns its id. */
    public static String registerCustomer(String email) {
        return json().body(registration(email)).post("/api/auth/register/")
                .then().statusCode(201).extract().path("id");
    }

    /** Registers a (pending) agent; returns its id. */
    public static String registerAgent(String email) {
        return json().body(registration(email)).post("/api/support/register-agent/")
                .then().statusCode(201).extract().path("id");
    }

    public static String login(String email, String password) {
        return json().body(Map.of("email", email, "password", password)).post("/api/auth/login/")
                .then().statusCode(200).extract().path("access_token");
    }

    public static String adminToken() {
        return login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    public static String customerToken() {
        String email = uniqueEmail("customer");
        registerCustomer(email);
        return login(email, PASSWORD);
    }

    /** An approved agent's token. */
    public static String agentToken() {
        String email = uniqueEmail("agent");
        String id = registerAgent(email);
        as(adminToken()).post("/api/admin/approve-agent/" + id + "/").then().statusCode(200);
        return login(email, PASSWORD);
    }
}
