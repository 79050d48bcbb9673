package com.logishift.support.agent.account;

import static com.logishift.support.agent.support.Api.json;
import static com.logishift.support.agent.support.Api.registration;
import static com.logishift.support.agent.support.Api.uniqueEmail;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.logishift.support.kit.test.JwtKeysTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class RegistrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/auth/register/", "/api/auth/register"})
    void customerSignUpCreatesAnActiveCustomerWithOrWithoutTrailingSlash(String path) {
        String email = uniqueEmail("Signup").toUpperCase();
        json().body(registration(email)).post(path)
                .then().statusCode(201)
                .body("id", notNullValue())
                .body("email", equalTo(email.toLowerCase()))
                .body("name", equalTo("Test Person"))
                .body("phone", equalTo("+49 30 1234567"))
                .body("role", equalTo("customer"))
                .body("status", equalTo("ACTIVE"))
                .body("$", not(org.hamcrest.Matchers.hasKey("password")))
                .body("$", not(org.hamcrest.Matchers.hasKey("passwordHash")));
    }

    @Test
    void agentRegistrationCreatesAPendingAgent() {
        json().body(registration(uniqueEmail("agent"))).post("/api/support/register-agent")
                .then().statusCode(201)
                .body("role", equalTo("agent"))
                .body("status", equalTo("PENDING"));
    }

    @Test
    void duplicateEmailIsAConflictWhateverTheCase() {
        String email = uniqueEmail("dup");
        json().body(registration(email)).post("/api/auth/register/").then().statusCode(201);
        json().body(registration(email.toUpperCase())).post("/api/support/register-agent/")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", containsString("already exists"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "email", "password"})
    void missingRequiredFieldIsNamed(String field) {
        Map<String, Object> body = registration(uniqueEmail("missing"));
        body.remove(field);
        invalid(body, field);
    }

    @Test
    void badEmailIsNamed() {
        Map<String, Object> body = registration("not-an-email");
        invalid(body, "email");
        body.put("email", "someone@localhost");
        invalid(body, "email");
    }

    @Test
    void shortPasswordIsNamed() {
        Map<String, Object> body = registration(uniqueEmail("short"));
        body.put("password", "short");
        invalid(body, "password");
    }

    @Test
    void passwordBeyondBcryptsSeventyTwoBytesIsRefusedNotTruncated() {
        Map<String, Object> body = registration(uniqueEmail("long"));
        body.put("password", "ü".repeat(40)); // 40 characters, 80 bytes
        invalid(body, "password");
    }

    @Test
    void overlongNameAndBadPhoneAreNamed() {
        Map<String, Object> body = registration(uniqueEmail("long"));
        body.put("name", "x".repeat(101));
        invalid(body, "name");
        body = registration(uniqueEmail("phone"));
        body.put("phone", "call me maybe");
        invalid(body, "phone");
    }

    @Test
    void malformedJsonAndWrongTypesAre400ProblemJson() {
        json().body("{\"name\": \"x\", ").post("/api/auth/register/")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
        json().body("{\"name\": {\"nested\": true}, \"email\": \"a@b.co\", \"password\": \"long enough\"}")
                .post("/api/auth/register/")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name"));
        json().body("").post("/api/auth/register/")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void oversizedBodyIsRefused() {
        Map<String, Object> body = registration(uniqueEmail("big"));
        body.put("name", "x".repeat(70_000));
        json().body(body).post("/api/auth/register/").then().statusCode(413);
    }

    @Test
    void wrongContentTypeIs415ProblemJson() {
        io.restassured.RestAssured.given().contentType("text/plain").body("hello")
                .post("/api/auth/register/")
                .then().statusCode(415).contentType("application/problem+json");
    }

    private static void invalid(Map<String, Object> body, String field) {
        json().body(body).post("/api/auth/register/")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
    }
}
