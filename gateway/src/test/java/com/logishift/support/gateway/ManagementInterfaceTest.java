package com.logishift.support.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.gateway.support.FakeBackends;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Health and metrics are on the management port only; the public port has no /q. The metrics'
 * uri tag names route templates, so requests to made-up paths cannot push real routes out.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(FakeBackends.class)
class ManagementInterfaceTest {

    /** The management interface's root path (/q) included. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @TestHTTPResource("/")
    URL base;

    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        assertNotEquals(base.getPort(), management.getPort());
        for (String path : new String[] {"/q/health", "/q/health/ready", "/q/health/live", "/q/metrics"}) {
            given().get(path).then().statusCode(404);
        }
    }

    @Test
    void theManagementPortServesThemWithEachBackendInReadiness() {
        // answered from the background poll's last results, never by waiting on a backend
        given().baseUri("http://localhost:" + management.getPort()).get("/q/health/ready").then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(503)))
                .body("checks.find { it.name == 'backends' }.data.'ticket-service'", notNullValue());
        given().baseUri("http://localhost:" + management.getPort()).get("/q/health/live").then().statusCode(200);
        given().baseUri("http://localhost:" + management.getPort()).get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds"));
    }

    @Test
    void madeUpPathsDoNotPushRealRoutesOutOfTheMetrics() {
        // 200 distinct made-up paths, anonymous: 401s under a real prefix, and web UI page paths
        for (int i = 0; i < 100; i++) {
            given().get("/api/support/tickets/junk-" + i + "/x").then().statusCode(401);
            given().get("/support/junk-" + i).then().statusCode(200);
        }
        // a real route requested for the first time after them (no other test calls it)
        given().header("Authorization", Tokens.customer().bearer()).get("/api/notifications/unread-count/")
                .then().statusCode(200);
        given().header("Authorization", Tokens.customer().bearer())
                .post("/api/notifications/" + java.util.UUID.randomUUID() + "/read/").then().statusCode(200);

        String metrics = given().baseUri("http://localhost:" + management.getPort()).get("/q/metrics").then().statusCode(200)
                .extract().asString();
        Set<String> uris = new TreeSet<>();
        Matcher tag = Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"").matcher(metrics);
        while (tag.find()) {
            uris.add(tag.group(1));
        }
        assertTrue(uris.contains("/api/notifications/unread-count"), "the real route is counted: " + uris);
        assertTrue(uris.contains("/api/notifications/{id}/read"), "ids are one value: " + uris);
        assertTrue(uris.contains(UriTags.UNMATCHED), uris.toString());
        assertTrue(uris.stream().noneMatch(u -> u.contains("junk")), "no made-up path is a tag: " + uris);
        assertTrue(uris.size() < 60, "a bounded set of values: " + uris);
    }

    @Test
    void routeTemplates() {
        String id = "0b8f4a52-1c5e-4c63-9f1e-2b1f7c3d9a10";
        assertEquals("/api/support/tickets/{id}/add-note", UriTags.template("/api/support/tickets/" + id + "/add-note"));
        assertEquals("/api/support/tickets/create", UriTags.template("/api/support/tickets/create"));
        assertEquals("/api/support/tickets", UriTags.template("/api/support/tickets"));
        assertEquals("/api/admin/approve-agent/{id}", UriTags.template("/api/admin/approve-agent/" + id));
        assertEquals("/api/admin/agents/{id}/deactivate", UriTags.template("/api/admin/agents/" + id + "/deactivate"));
        assertEquals("/api/notifications", UriTags.template("/api/notifications"));
        assertEquals("/api/notifications/stream", UriTags.template("/api/notifications/stream"));
        assertEquals("/api/docs/{service}/openapi", UriTags.template("/api/docs/{service}/openapi"));
        // reports
        assertEquals("/api/admin/support/reports/export.csv", UriTags.template("/api/admin/support/reports/export.csv"));
        // the conversation: messages, timeline, live thread, attachments
        for (String sub : new String[] {"messages", "timeline", "stream"}) {
            assertEquals("/api/support/tickets/{id}/" + sub, UriTags.template("/api/support/tickets/" + id + "/" + sub));
        }
        // merge
        assertEquals("/api/support/tickets/{id}/merge", UriTags.template("/api/support/tickets/" + id + "/merge"));
        assertEquals("/api/support/attachments", UriTags.template("/api/support/attachments"));
        assertEquals("/api/support/attachments/{id}", UriTags.template("/api/support/attachments/" + id));
        assertEquals(UriTags.UNMATCHED, UriTags.template("/api/support/attachments/" + id + "/made-up"));
        assertEquals(UriTags.UNMATCHED, UriTags.template("/api/support/tickets/" + id + "/messages/" + id));
        assertEquals(UriTags.UNMATCHED, UriTags.template("/api/support/tickets/" + id + "/made-up"));
        assertEquals(UriTags.UNMATCHED, UriTags.template("/api/whatever"));
        assertEquals(UriTags.WEB_UI, UriTags.template("/support/tickets/" + id));
        assertEquals("NOT_FOUND", UriTags.template("NOT_FOUND"));
        // a registry may map an id twice: the result is the same
        assertEquals(UriTags.UNMATCHED, UriTags.template(UriTags.template("/api/whatever")));
        assertEquals(UriTags.WEB_UI, UriTags.template(UriTags.template("/support")));
    }
}
