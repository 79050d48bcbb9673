package com.logishift.support.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.logishift.support.gateway.support.FakeBackends;
import com.logishift.support.kit.test.JwtKeysTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The web UI is served at / and at every page route, next to the API, with a strict CSP. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(FakeBackends.class)
class WebUiTest {

    @Test
    void theAppIsServedAtTheRootWithAStrictContentSecurityPolicy() {
        String html = given().get("/").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                // attachment thumbnails are object URLs of bytes fetched with the token
                .header("Content-Security-Policy", containsString("img-src 'self' data: blob:;"))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-cache")
                .extract().asString();
        // no inline script: every <script> has a src
        Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            if (!scripts.group(1).contains("src=")) {
                throw new AssertionError("inline script in index.html: " + scripts.group());
            }
        }
        if (count == 0) {
            throw new AssertionError("no script in index.html: " + html);
        }
        Matcher bundle = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(html);
        if (!bundle.find()) {
            throw new AssertionError("no bundled script in index.html: " + html);
        }
        given().get(bundle.group(1)).then().statusCode(200).contentType(containsString("javascript"));
    }

    @Test
    void everyPageRouteGetsTheAppButTheApiAndQuarkusPathsAreNotSwallowed() {
        for (String page : new String[] {"/support", "/support/tickets/5f1c7c1e-0000-4000-8000-000000000001",
            "/support/faq", "/support-agent-register", "/agent/dashboard", "/admin/support", "/login", "/signup"}) {
            given().get(page).then().statusCode(200).contentType(startsWith("text/html"))
                    .body(containsString("<div id=\"root\"></div>"));
        }
        // an unknown API path stays the API's problem+json 404, not the app's index.html
        given().get("/api/no-such-thing").then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        // Quarkus' own /q paths are not on this port at all (ManagementInterfaceTest), and not the app either
        given().get("/q/health/live").then().statusCode(404).body(not(containsString("<div id=\"root\">")));
    }
}
