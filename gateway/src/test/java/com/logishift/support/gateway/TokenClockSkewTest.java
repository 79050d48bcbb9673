package com.logishift.support.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.logishift.support.gateway.support.FakeBackends;
import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A token is accepted at most 30 s past its exp (mp.jwt.verify.clock.skew), not the default 60 s. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(FakeBackends.class)
class TokenClockSkewTest {

    @Test
    void aTokenExpired45SecondsAgoIsRefusedAndOneExpired10SecondsAgoStillPasses() {
        given().header("Authorization", "Bearer " + Tokens.expiredSecondsAgo("customer", 45)).get("/api/support/tickets/")
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + Tokens.expiredSecondsAgo("customer", 10)).get("/api/support/tickets/")
                .then().statusCode(200).body("backend", equalTo("ticket"));
    }
}
