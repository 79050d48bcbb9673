package com.logishift.support.agent.account;

import static com.logishift.support.agent.support.Api.adminToken;
import static com.logishift.support.agent.support.Api.agentToken;
import static com.logishift.support.agent.support.Api.as;
import static com.logishift.support.agent.support.Api.customerToken;
import static com.logishift.support.agent.support.Api.json;
import static com.logishift.support.agent.support.Api.registerAgent;
import static com.logishift.support.agent.support.Api.registerCustomer;
import static com.logishift.support.agent.support.Api.uniqueEmail;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import com.logishift.support.kit.test.JwtKeysTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class AdminAgentTest {

    @Test
    void onlyAdminsMayUseTheAdminEndpoints() {
        String pending = registerAgent(uniqueEmail("perm"));
        List<Supplier<RequestSpecification>> nonAdmins = List.of(
                () -> as(customerToken()), () -> as(agentToken()));
        for (Supplier<RequestSpecification> caller : nonAdmins) {
            caller.get().post("/api/admin/approve-agent/" + pending + "/").then().statusCode(403)
                    .contentType("application/problem+json");
            caller.get().body(Map.of("reason", "no")).post("/api/admin/reject-agent/" + pending + "/")
                    .then().statusCode(403);
            caller.get().get("/api/admin/agents/").then().statusCode(403);
        }
        json().post("/api/admin/approve-agent/" + pending + "/").then().statusCode(401)
                .contentType("application/problem+json");
        json().body(Map.of("reason", "no")).post("/api/admin/reject-agent/" + pending).then().statusCode(401);
        json().get("/api/admin/agents").then().statusCode(401);
        // none of the refused calls changed anything
        as(adminToken()).get("/api/admin/agents/?status=PENDING&size=100").then().statusCode(200)
                .body("items.id", hasItem(pending));
    }

    @Test
    void approvingTwiceIsHarmless() {
        String agent = registerAgent(uniqueEmail("twice"));
        String admin = adminToken();
        as(admin).post("/api/admin/approve-agent/" + agent + "/").then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decidedAt", org.hamcrest.Matchers.notNullValue());
        as(admin).post("/api/admin/approve-agent/" + agent).then().statusCode(200)
                .body("status", equalTo("APPROVED"));
    }

    @Test
    void approvingACustomerIsAClearConflictAndAnUnknownIdIs404() {
        String customer = registerCustomer(uniqueEmail("notagent"));
        String admin = adminToken();
        as(admin).post("/api/admin/approve-agent/" + customer + "/").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("not an agent"));
        as(admin).post("/api/admin/approve-agent/" + UUID.randomUUID() + "/").then().statusCode(404)
                .contentType("application/problem+json");
        as(admin).post("/api/admin/approve-agent/not-a-uuid/").then().statusCode(400)
                .body("errors.field", hasItem("id"));
    }

    @Test
    void rejectNeedsAReasonAndCannotUndoAnApproval() {
        String admin = adminToken();
        String agent = registerAgent(uniqueEmail("reject"));
        as(admin).body(Map.of()).post("/api/admin/reject-agent/" + agent + "/").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        as(admin).body(Map.of("reason", "x".repeat(1001))).post("/api/admin/reject-agent/" + agent + "/")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        as(admin).body(Map.of("reason", "Unknown to our HR")).post("/api/admin/reject-agent/" + agent + "/")
                .then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("rejectionReason", equalTo("Unknown to our HR"));

        String approved = registerAgent(uniqueEmail("approved"));
        as(admin).post("/api/admin/approve-agent/" + approved + "/").then().statusCode(200);
        as(admin).body(Map.of("reason", "changed my mind")).post("/api/admin/reject-agent/" + approved + "/")
                .then().statusCode(409).body("detail", containsString("already approved"));
    }

    @Test
    void agentListFiltersByStatusAndPaginates() {
        String admin = adminToken();
        String pending = registerAgent(uniqueEmail("list-pending"));
        String approved = registerAgent(uniqueEmail("list-approved"));
        as(admin).post("/api/admin/approve-agent/" + approved + "/").then().statusCode(200);

        as(admin).get("/api/admin/agents/?status=PENDING&size=100").then().statusCode(200)
                .body("items.status", everyItem(equalTo("PENDING")))
                .body("items.role", everyItem(equalTo("agent")))
                .body("items.id", hasItem(pending))
                .body("items.id", not(hasItem(approved)));
        as(admin).get("/api/admin/agents?status=approved&size=100").then().statusCode(200)
                .body("items.status", everyItem(equalTo("APPROVED")))
                .body("items.id", hasItem(approved));

        int total = as(admin).get("/api/admin/agents/?size=1").then().statusCode(200)
                .body("items", hasSize(1))
                .body("page", equalTo(0))
                .body("size", equalTo(1))
                .body("total", greaterThanOrEqualTo(2))
                .extract().path("total");
        as(admin).get("/api/admin/agents/?size=1&page=" + (total - 1)).then().statusCode(200)
                .body("items", hasSize(1));
        as(admin).get("/api/admin/agents/?size=1&page=" + total).then().statusCode(200)
                .body("items", hasSize(0));
        as(admin).get("/api/admin/agents/?size=100").then().statusCode(200)
                .body("items.size()", lessThanOrEqualTo(100))
                .body("items.role", everyItem(equalTo("agent")));
    }

    @Test
    void badListParametersAreNamed() {
        String admin = adminToken();
        as(admin).get("/api/admin/agents/?status=ACTIVE").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        as(admin).get("/api/admin/agents/?size=1000").then().statusCode(400)
                .body("errors.field", hasItem("size"));
        as(admin).get("/api/admin/agents/?page=-1").then().statusCode(400)
                .body("errors.field", hasItem("page"));
        as(admin).get("/api/admin/agents/?size=abc").then().statusCode(400)
                .body("errors.field", hasItem("size"));
        as(admin).get("/api/admin/agents/?page=first").then().statusCode(400)
                .body("errors.field", hasItem("page"));
    }
}
