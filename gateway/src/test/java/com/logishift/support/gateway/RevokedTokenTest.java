package com.logishift.support.gateway;

import static io.restassured.RestAssured.given;

import com.logishift.support.gateway.support.FakeBackends;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.RevocationListServer;
import com.logishift.support.kit.test.Tokens;
import com.logishift.support.kit.test.Tokens.Person;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A deactivated agent's token is refused at the edge (401) once the polled revocation list names
 * it — also when the gateway already verified and remembered that token.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(FakeBackends.class)
@QuarkusTestResource(RevocationListServer.class)
class RevokedTokenTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @AfterEach
    void emptyTheList() {
        given().body("{\"items\":[]}").put(url()).then().statusCode(204);
    }

    @Test
    void aRememberedTokenIsRefusedOnceTheListNamesIt() throws InterruptedException {
        Person agent = Tokens.agent(); // issued five seconds ago
        Person other = Tokens.agent();
        given().header("Authorization", agent.bearer()).get("/api/agent/tickets/").then().statusCode(200);

        given().body("{\"items\":[{\"accountId\":\"" + agent.id() + "\",\"tokensValidAfter\":\"" + Instant.now()
                + "\"}]}").put(url()).then().statusCode(204);

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (status(agent) != 401 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        given().header("Authorization", agent.bearer()).get("/api/agent/tickets/").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", other.bearer()).get("/api/agent/tickets/").then().statusCode(200);
    }

    private static int status(Person person) {
        return given().header("Authorization", person.bearer()).get("/api/agent/tickets/").statusCode();
    }

    private static String url() {
        return ConfigProvider.getConfig().getValue("support.revocations.url", String.class);
    }
}
