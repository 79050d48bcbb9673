package com.logishift.support.gateway;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;

import com.logishift.support.gateway.support.FakeBackends;
import com.logishift.support.kit.test.ErrorLog;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A caller that hangs up while a long answer is being relayed (a closed tab, a client's timeout)
 * costs nothing: no ERROR in the gateway's log (the benchmark saw one per departed caller, from
 * chunks of the service's answer still arriving for a response that was gone), and the gateway
 * serves on.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(FakeBackends.class)
class CallerLeavesTest {

    @Test
    void aCallerLeavingMidAnswerLeavesNoErrorAndTheGatewayServesOn() throws Exception {
        try (ErrorLog log = ErrorLog.open()) {
            for (int i = 0; i < 30; i++) { // each a customer of its own, within the per-account limit
                readPartOfTheAnswerAndHangUp("GET /api/support/tickets/large HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Authorization: " + Tokens.customer().bearer() + "\r\n\r\n", 64 * 1024 * (1 + i % 4));
            }
            given().header("Authorization", Tokens.customer().bearer()).get("/api/support/tickets/echo/")
                    .then().statusCode(200);
            // the chunks that were under way arrive within milliseconds; a second is plenty
            await().during(1, SECONDS).atMost(5, SECONDS).until(() -> log.errors().isEmpty());
        }
    }

    private static void readPartOfTheAnswerAndHangUp(String request, int bytes) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] part = in.readNBytes(bytes);
            if (part.length < bytes) {
                throw new IOException("the answer ended after " + part.length + " bytes");
            }
        }
    }
}
