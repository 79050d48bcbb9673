package com.logishift.support.notification.rest;

import static com.logishift.support.notification.rest.RoleFeedTest.as;
import static com.logishift.support.notification.rest.RoleFeedTest.ref;
import static com.logishift.support.notification.rest.RoleFeedTest.unread;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.logishift.support.kit.test.Eventually;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import com.logishift.support.notification.support.EventPublisher;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * GET, PUT /api/notifications/preferences/: in-app and e-mail on/off per kind and the mails' language, own
 * preferences only, strictly validated.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class PreferencesTest {

    private static final String CREATED = "com.logishift.support.ticket.created.v1";
    private static final String STATUS = "com.logishift.support.ticket.status-changed.v1";
    private static final String ASSIGNED = "com.logishift.support.ticket.assigned.v1";
    private static final String MERGED = "com.logishift.support.ticket.merged.v1";

    @Inject
    Pool pool;

    @Test
    void everyKindARoleCanReceiveIsListedAndOnByDefault() {
        // a customer: four kinds in the app (a merge only there), three by e-mail (the acknowledgement of a
        // new ticket only by e-mail)
        as(Tokens.customer()).get("/api/notifications/preferences/").then().statusCode(200)
                .body("kinds.size()", equalTo(5))
                .body("kinds.'" + MERGED + "'.inApp", equalTo(true))
                .body("kinds.'" + MERGED + "'", not(org.hamcrest.Matchers.hasKey("email")))
                .body("language", equalTo("en"))
                .body("kinds.'" + STATUS + "'.inApp", equalTo(true))
                .body("kinds.'" + STATUS + "'.email", equalTo(true))
                .body("kinds.'" + ASSIGNED + "'.inApp", equalTo(true))
                .body("kinds.'" + ASSIGNED + "'", not(org.hamcrest.Matchers.hasKey("email")))
                .body("kinds.'" + CREATED + "'", not(org.hamcrest.Matchers.hasKey("inApp")))
                .body("kinds.'" + CREATED + "'.email", equalTo(true));
        as(Tokens.admin()).get("/api/notifications/preferences").then().statusCode(200)
                .body("kinds.'" + CREATED + "'.inApp", equalTo(true))
                .body("kinds.'com.logishift.support.ticket.sla-breached.v1'.inApp", equalTo(true))
                .body("kinds.'com.logishift.support.account.registered.v1'.inApp", equalTo(true));
        as(Tokens.agent()).get("/api/notifications/preferences/").then().statusCode(200)
                .body("kinds", not(org.hamcrest.Matchers.hasKey("com.logishift.support.account.registered.v1")))
                .body("kinds.'" + ASSIGNED + "'.email", equalTo(true))
                .body("kinds.'" + CREATED + "'", not(org.hamcrest.Matchers.hasKey("email")));
        given().get("/api/notifications/preferences/").then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").body("{\"kinds\":{}}").put("/api/notifications/preferences/")
                .then().statusCode(401);
    }

    @Test
    void aSwitchedOffKindIsNeitherStoredNorShownNorCountedAndOnlyForThatPerson() {
        Person admin = Tokens.admin();
        Person otherAdmin = Tokens.admin();
        Person customer = Tokens.customer();
        try (EventPublisher events = new EventPublisher()) {
            for (Person a : new Person[] {admin, otherAdmin}) {
                events.registered(a);
            }
        }
        Eventually.until("admins known", () -> count("SELECT count(*) AS n FROM directory_account WHERE id IN ($1, $2)",
                admin.id(), otherAdmin.id()) == 2);
        UUID ticket = UUID.randomUUID();
        String created = event("created", ticket, customer, ",\"subject\":\"Wet\",\"category\":\"DAMAGED\",\"priority\":\"LOW\"");
        Eventually.until("created seen", () -> unread(admin) == 1);

        // the admin switches "ticket created" off: the existing entry is no longer shown or counted
        as(admin).body("{\"kinds\":{\"" + CREATED + "\":{\"inApp\":false}}}").put("/api/notifications/preferences/")
                .then().statusCode(200).body("kinds.'" + CREATED + "'.inApp", equalTo(false))
                .body("kinds.'" + STATUS + "'.inApp", equalTo(true));
        as(admin).get("/api/notifications/preferences/").then().body("kinds.'" + CREATED + "'.inApp", equalTo(false));
        assertEquals(0, unread(admin));
        as(admin).get("/api/notifications/").then().body("total", equalTo(0));
        assertEquals(1, unread(otherAdmin), "only the admin's own preference changed");

        // the customer switches status changes off: not stored for them at all
        as(customer).body("{\"kinds\":{\"" + STATUS + "\":{\"inApp\":false}}}").put("/api/notifications/preferences/")
                .then().statusCode(200);
        String status = event("status-changed", ticket, customer, ",\"assigneeId\":null,\"from\":\"OPEN\",\"to\":\"ON_HOLD\"");
        Eventually.until("status applied", () -> unread(otherAdmin) == 2);
        assertEquals(0, count("SELECT count(*) AS n FROM notification WHERE event_id = $1", status));
        assertEquals(0, unread(customer));
        assertEquals(1, unread(admin), "the status change still reaches the admin");
        as(admin).get("/api/notifications/").then().body("items.title", not(hasItem("New ticket " + ref(ticket))));

        // on again: later ones are shown (and the feed entry, which was never lost)
        as(admin).body("{\"kinds\":{\"" + CREATED + "\":{\"inApp\":true}}}").put("/api/notifications/preferences/")
                .then().statusCode(200);
        assertEquals(2, unread(admin));
        assertEquals(1, count("SELECT count(*) AS n FROM inbox_entry WHERE event_id = $1 AND recipient_id = $2",
                created, admin.id()));
    }

    @Test
    void anythingButKnownKindsWithAFlagIs400() {
        Person customer = Tokens.customer();
        Map<String, String> refused = Map.ofEntries(
                Map.entry("{\"kinds\":{\"" + CREATED + "\":{\"inApp\":false}}}", "kinds." + CREATED), // not a customer's kind
                Map.entry("{\"kinds\":{\"com.example.nope\":{\"inApp\":false}}}", "kinds.com.example.nope"),
                Map.entry("{\"kinds\":{\"bad\\u0000kind\":{\"inApp\":false}}}", "kinds.bad\u0000kind"),
                Map.entry("{\"kinds\":{\"" + STATUS + "\":{\"inApp\":\"false\"}}}", "kinds." + STATUS),
                Map.entry("{\"kinds\":{\"" + STATUS + "\":{\"inApp\":0}}}", "kinds." + STATUS),
                Map.entry("{\"kinds\":{\"" + ASSIGNED + "\":{\"email\":false}}}", "kinds." + ASSIGNED), // not mailed to a customer
                Map.entry("{\"kinds\":{\"" + STATUS + "\":{\"email\":\"false\"}}}", "kinds." + STATUS),
                Map.entry("{\"kinds\":{\"" + STATUS + "\":{\"inApp\":false,\"sms\":true}}}", "kinds." + STATUS),
                Map.entry("{\"kinds\":{\"" + STATUS + "\":{}}}", "kinds." + STATUS),
                Map.entry("{\"language\":\"fr\"}", "language"),
                Map.entry("{\"language\":[\"de\"]}", "language"),
                Map.entry("{\"language\":null}", "language"),
                Map.entry("{\"kinds\":{},\"language\":\"" + "d".repeat(5000) + "\"}", "language"),
                Map.entry("{\"kinds\":{\"" + STATUS + "\":false}}", "kinds." + STATUS),
                Map.entry("{\"kinds\":{\"" + STATUS + "\":null}}", "kinds." + STATUS),
                Map.entry("{\"kinds\":[]}", "kinds"),
                Map.entry("{}", "kinds"),
                Map.entry("{\"kinds\":{},\"email\":true}", "email"),
                Map.entry("[]", "kinds"));
        refused.forEach((body, field) -> as(customer).body(body).put("/api/notifications/preferences/").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://support.logishift.com/problems/invalid-request"))
                .body("errors[0].field", equalTo(field)));
        as(customer).body("{\"language\":\"de\u0000\"}").put("/api/notifications/preferences/").then().statusCode(400)
                .contentType("application/problem+json");
        as(customer).body("{\"kinds\":").put("/api/notifications/preferences/").then().statusCode(400)
                .contentType("application/problem+json");
        as(customer).body("{\"kinds\":{\"" + "x".repeat(15_000) + "\":{\"inApp\":true}}}")
                .put("/api/notifications/preferences/").then().statusCode(400)
                .body("errors[0].field.length()", org.hamcrest.Matchers.lessThan(300));
        as(customer).body("{\"kinds\":{\"" + "x".repeat(20_000) + "\":{\"inApp\":true}}}")
                .put("/api/notifications/preferences/").then().statusCode(413);
        // nothing was stored by any of them
        as(customer).get("/api/notifications/preferences/").then().body("kinds.'" + STATUS + "'.inApp", equalTo(true));
        assertEquals(0, count("SELECT count(*) AS n FROM preference WHERE account_id = $1", customer.id()));
        // an empty change is fine and changes nothing
        as(customer).body("{\"kinds\":{}}").put("/api/notifications/preferences/").then().statusCode(200)
                .body("kinds.size()", equalTo(5));
    }

    @Test
    void eMailFlagsAndLanguageAreSetLikeTheInAppOnesAndOnlyForTheCaller() {
        Person customer = Tokens.customer();
        Person other = Tokens.customer();
        as(customer).body("{\"kinds\":{\"" + STATUS + "\":{\"email\":false},\"" + CREATED + "\":{\"email\":false}},"
                        + "\"language\":\"de\"}").put("/api/notifications/preferences/").then().statusCode(200)
                .body("language", equalTo("de"))
                .body("kinds.'" + STATUS + "'.email", equalTo(false))
                .body("kinds.'" + STATUS + "'.inApp", equalTo(true))
                .body("kinds.'" + CREATED + "'.email", equalTo(false));
        // in-app off later keeps the e-mail setting, and the language stays when not named
        as(customer).body("{\"kinds\":{\"" + STATUS + "\":{\"inApp\":false},\"" + CREATED + "\":{\"email\":true}}}")
                .put("/api/notifications/preferences/").then().statusCode(200);
        as(customer).get("/api/notifications/preferences/").then()
                .body("language", equalTo("de"))
                .body("kinds.'" + STATUS + "'.email", equalTo(false))
                .body("kinds.'" + STATUS + "'.inApp", equalTo(false))
                .body("kinds.'" + CREATED + "'.email", equalTo(true));
        as(customer).body("{\"language\":\"en\"}").put("/api/notifications/preferences/").then().statusCode(200)
                .body("language", equalTo("en")).body("kinds.'" + STATUS + "'.email", equalTo(false));
        as(other).get("/api/notifications/preferences/").then().body("language", equalTo("en"))
                .body("kinds.'" + STATUS + "'.email", equalTo(true));
    }

    private String event(String what, UUID ticket, Person customer, String extra) {
        try (EventPublisher events = new EventPublisher()) {
            return events.send(EventPublisher.ticketTopic(), UUID.randomUUID().toString(),
                    "com.logishift.support.ticket." + what + ".v1", ticket, "{\"ticketId\":\"" + ticket
                            + "\",\"reference\":\"" + ref(ticket) + "\",\"customerId\":\"" + customer.id() + "\"" + extra + "}");
        }
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next().getLong("n");
    }
}
