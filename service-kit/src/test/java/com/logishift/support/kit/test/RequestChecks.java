package com.logishift.support.kit.test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.Response;
import java.io.IOException;

/** The request checks every service's RequestRulesTest makes the same way, with its own paths. */
public final class RequestChecks {

    private RequestChecks() {
    }

    /** 400 problem+json whose first error names {@code field} with a message containing {@code message}. */
    public static void assertInvalid(Response response, String field, String message) {
        response.then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(message));
    }

    /**
     * A URI of {@code uriPrefix} and 20,000 more characters is 414, 30 KB of headers on a GET of
     * {@code path} is 431, both problem+json carrying their status.
     */
    public static void assertLongUriIs414AndLargeHeadersAre431(String uriPrefix, String path) throws IOException {
        RawHttp.Answer longUri = RawHttp.send("GET " + uriPrefix + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost",
                new byte[0]);
        assertThat(longUri.status(), equalTo(414));
        assertThat(longUri.header("Content-Type"), startsWith("application/problem+json"));
        assertThat(longUri.body(), containsString("\"status\":414"));
        RawHttp.Answer largeHeaders = RawHttp.send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Filler: "
                + "a".repeat(30_000), new byte[0]);
        assertThat(largeHeaders.status(), equalTo(431));
        assertThat(largeHeaders.header("Content-Type"), startsWith("application/problem+json"));
        assertThat(largeHeaders.body(), containsString("\"status\":431"));
    }

    /**
     * A chunked body of {@code bytes} (so no Content-Length to refuse it by) sent with {@code head}
     * (request line and headers, no Transfer-Encoding) is 413 problem+json carrying its status.
     */
    public static void assertChunkedBodyOverLimitIs413(String head, int bytes) throws IOException {
        RawHttp.Answer chunked = RawHttp.send(head + "\r\nTransfer-Encoding: chunked", RawHttp.chunked(bytes, ' '));
        assertThat(chunked.status(), equalTo(413));
        assertThat(chunked.header("Content-Type"), startsWith("application/problem+json"));
        assertThat(chunked.body(), containsString("\"status\":413"));
    }

    /**
     * Five clients hanging up halfway through a body of {@code head}'s request (request line and
     * headers, no Content-Length), five more halfway through a chunked one after {@code chunkedBytes}.
     */
    public static void hangUpMidRequests(String head, int chunkedBytes) throws IOException {
        for (int i = 0; i < 5; i++) {
            RawHttp.hangUpMidBody(head, 5000);
            RawHttp.hangUpMidChunkedBody(head, chunkedBytes);
        }
    }
}
