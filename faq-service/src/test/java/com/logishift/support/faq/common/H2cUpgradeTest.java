package com.logishift.support.faq.common;

import static com.logishift.support.faq.support.Api.entry;
import static com.logishift.support.faq.support.Api.uniqueTopic;
import static com.logishift.support.faq.support.Api.uniqueWord;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A request with a body that asks to upgrade its connection to HTTP/2 ({@code Upgrade: h2c}, as curl
 * --http2 and Vert.x clients send it) is served like any other, over HTTP/1.1 (service-kit's
 * Http1Only); it used to be upgraded and then answered 500 "Request has already been read".
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class H2cUpgradeTest {

    @Inject
    Vertx vertx;

    @Test
    void aBodyOnTheUpgradeRequestReachesTheResource() throws Exception {
        String body = new ObjectMapper().writeValueAsString(entry(uniqueTopic(), "en", "Where is " + uniqueWord() + "?", "Here."));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(true));
        try {
            String answer = client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
                            .setPort(RestAssured.port).setURI("/api/admin/faq/")
                            .putHeader("Content-Type", "application/json")
                            .putHeader("Authorization", "Bearer " + Tokens.of("admin")))
                    .compose(request -> request.send(Buffer.buffer(body)))
                    .compose(response -> response.body().map(b -> response.version() + " " + response.statusCode()))
                    .toCompletionStage().toCompletableFuture().get(20, SECONDS);
            assertEquals("HTTP_1_1 201", answer);
        } finally {
            client.close();
        }
    }
}
