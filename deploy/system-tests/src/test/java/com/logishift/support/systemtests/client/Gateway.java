package com.logishift.support.systemtests.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.logishift.support.systemtests.harness.SupportSystem;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The logiShift Support API as a client sees it: everything goes through the gateway. Holds the
 * few steps every test needs (signing up, signing in, reading one's notifications).
 */
public final class Gateway {

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private final SupportSystem system;

    public Gateway(SupportSystem system) {
        this.system = system;
    }

    public String url() {
        return system.gatewayUrl();
    }

    public SupportSystem system() {
        return system;
    }

    /** A request without a token. */
    public RequestSpecification anonymous() {
        return RestAssured.given().baseUri(url()).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A request with the person's bearer token. */
    public RequestSpecification as(Person person) {
        return anonymous().header("Authorization", "Bearer " + person.token());
    }

    /** A new person (not yet registered) with a unique e-mail address for this run. */
    public Person newPerson(String name) {
        String local = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".");
        String email = local + "." + system.runTag() + "." + PEOPLE.incrementAndGet() + "@system.test";
        return new Person(name, email, "secret for " + local + " " + system.runTag());
    }

    /** Customer sign-up, {@code POST /api/auth/register/} → 201. */
    public Person registerCustomer(String name) {
        Person person = newPerson(name);
        JsonNode account = Json.of(anonymous().body(registration(person)).post("/api/auth/register/")
                .then().statusCode(201).extract().response());
        assertEquals("customer", account.path("role").asText(), "role of a signed-up customer");
        person.id(account.path("id").asText());
        return person;
    }

    /** Agent registration, {@code POST /api/support/register-agent/} → 201, PENDING. */
    public Person registerAgent(String name) {
        Person person = newPerson(name);
        JsonNode account = Json.of(anonymous().body(registration(person)).post("/api/support/register-agent/")
                .then().statusCode(201).extract().response());
        assertEquals("agent", account.path("role").asText(), "role of a registered agent");
        assertEquals("PENDING", account.path("status").asText(), "status of a registered agent");
        person.id(account.path("id").asText());
        return person;
    }

    public Map<String, Object> registration(Person person) {
        return Map.of("name", person.name(), "email", person.email(), "password", person.password());
    }

    public Response login(String email, String password) {
        return anonymous().body(Map.of("email", email, "password", password)).post("/api/auth/login/");
    }

    /** Signs in ({@code POST /api/auth/login/} → 200) and keeps the token on the person. */
    public Person signIn(Person person) {
        JsonNode answer = Json.of(login(person.email(), person.password()).then().statusCode(200).extract().response());
        assertEquals("Bearer", answer.path("token_type").asText(), "token_type");
        person.token(answer.path("access_token").asText());
        if (person.id() == null) {
            person.id(Json.of(as(person).get("/api/auth/me/").then().statusCode(200).extract().response())
                    .path("id").asText());
        }
        return person;
    }

    /** The admin agent-service created from SUPPORT_ADMIN_EMAIL/PASSWORD, signed in. */
    public Person admin() {
        return signIn(new Person(SupportSystem.ADMIN_NAME, SupportSystem.ADMIN_EMAIL, system.adminPassword()));
    }

    public void approve(Person admin, Person agent) {
        as(admin).post("/api/admin/approve-agent/" + agent.id() + "/").then().statusCode(200);
    }

    public JsonNode stats(Person admin) {
        return Json.of(as(admin).get("/api/admin/support/stats/").then().statusCode(200).extract().response());
    }

    /** Waits until ticket-service (which learns approvals from Kafka) counts these agents as approved. */
    public void awaitApprovedInTicketService(Person admin, Person... agents) {
        List<String> ids = java.util.Arrays.stream(agents).map(Person::id).toList();
        Poll.until("ticket-service to know " + ids + " as approved agents", () -> stats(admin),
                stats -> {
                    List<String> known = new java.util.ArrayList<>();
                    stats.path("agentLoad").forEach(load -> known.add(load.path("agentId").asText()));
                    return known.containsAll(ids);
                });
    }

    /**
     * New agents, registered, approved by the admin and signed in, once ticket-service counts them
     * as approved (so that tickets can go to them), in the order of the names.
     */
    public List<Person> approvedAgents(Person admin, String... names) {
        List<Person> agents = java.util.Arrays.stream(names).map(this::registerAgent).toList();
        agents.forEach(agent -> approve(admin, agent));
        List<Person> signedIn = agents.stream().map(this::signIn).toList();
        awaitApprovedInTicketService(admin, signedIn.toArray(Person[]::new));
        return signedIn;
    }

    /** All of the person's notifications, newest first (every page). */
    public List<JsonNode> notifications(Person person) {
        List<JsonNode> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = expect(as(person).get("/api/notifications/?size=100&page=" + page), 200);
            List<JsonNode> items = Json.items(answer);
            all.addAll(items);
            if (items.isEmpty() || all.size() >= answer.path("total").asLong()) {
                return all;
            }
        }
    }

    /** Asserts the status (rest-assured logs request and response when it differs) and reads the JSON body. */
    public static JsonNode expect(Response response, int status) {
        response.then().statusCode(status);
        String body = response.asString();
        return body == null || body.isEmpty() ? Json.parse("null") : Json.parse(body);
    }

    /** Asserts an RFC 9457 problem answer with this status and returns it. */
    public static JsonNode problem(Response response, int status) {
        response.then().statusCode(status)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
        JsonNode problem = Json.of(response);
        assertEquals(status, problem.path("status").asInt(), "status in the problem document");
        return problem;
    }

    /** Waits until the person has a notification that matches, and returns it. */
    public JsonNode awaitNotification(Person person, String description, Predicate<JsonNode> match) {
        List<JsonNode> found = Poll.until(person.name() + "'s notification '" + description + "'",
                () -> notifications(person), list -> list.stream().anyMatch(match));
        return found.stream().filter(match).findFirst().orElseThrow();
    }

    /** Waits for a notification with exactly this title. */
    public JsonNode awaitNotificationTitled(Person person, String title) {
        return awaitNotification(person, title, n -> title.equals(n.path("title").asText()));
    }
}
