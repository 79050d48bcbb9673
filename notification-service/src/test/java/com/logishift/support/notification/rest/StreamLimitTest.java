package com.logishift.support.notification.rest;

import com.logishift.support.kit.test.Eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.MetricsCatalogue;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 13 item 24: at most five live streams per account; the sixth is 429 until one closes. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class StreamLimitTest {

    private static final int LIMIT = 5;
    private static final String STREAMS_OPEN = "support_streams_open";

    @TestHTTPResource("/api/notifications/stream/")
    URL stream;

    @Test
    void aSixthStreamOfOneAccountIs429UntilOneOfTheFiveCloses() throws Exception {
        Person person = Tokens.customer();
        List<HttpResponse<InputStream>> open = new ArrayList<>();
        double openBefore = MetricsCatalogue.scrape(STREAMS_OPEN);
        try {
            for (int i = 0; i < LIMIT; i++) {
                HttpResponse<InputStream> response = connect(person);
                assertEquals(200, response.statusCode(), "stream " + (i + 1));
                open.add(response);
                awaitReady(response);
            }
            assertEquals(openBefore + LIMIT, MetricsCatalogue.scrape(STREAMS_OPEN), "the gauge of open streams");

            HttpResponse<InputStream> sixth = connect(person);
            if (sixth.statusCode() == 200) {
                open.add(sixth); // closed below; its body never ends
            }
            assertEquals(429, sixth.statusCode(), "the sixth stream of one account");
            String body = new String(sixth.body().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals("application/problem+json", sixth.headers().firstValue("Content-Type").orElse(""));
            assertTrue(sixth.headers().firstValue("Retry-After").orElse("").matches("\\d+"), "Retry-After");
            assertTrue(body.contains("\"status\":429"), body);

            // the limit is per account: someone else still gets a stream
            HttpResponse<InputStream> other = connect(Tokens.customer());
            assertEquals(200, other.statusCode());
            other.body().close();

            // closing one stream frees its slot (the server notices the closed connection)
            open.remove(0).body().close();
            HttpResponse<InputStream> again = Eventually.value("a slot free again after a stream closed",
                    Duration.ofSeconds(20), () -> connect(person), response -> {
                        if (response.statusCode() == 429) {
                            closeQuietly(response);
                            return false;
                        }
                        return true;
                    });
            assertEquals(200, again.statusCode(), "a slot is free again after a stream closed");
            open.add(again);
        } finally {
            for (HttpResponse<InputStream> response : open) {
                response.body().close();
            }
        }
        Eventually.until("the gauge back where it was once every stream closed",
                () -> MetricsCatalogue.scrape(STREAMS_OPEN) == openBefore);
    }

    /** Over HTTP/1.1, so that closing the body closes the connection, as a browser tab does. */
    private static void closeQuietly(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (java.io.IOException e) {
            // a refused stream; nothing to keep
        }
    }

    private HttpResponse<InputStream> connect(Person person) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(HttpRequest.newBuilder(URI.create(stream.toString()))
                .header("Authorization", person.bearer()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    private static void awaitReady(HttpResponse<InputStream> response) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.replace(" ", "").equals("event:ready")) {
                return;
            }
        }
        throw new AssertionError("the stream ended before it was ready");
    }
}
