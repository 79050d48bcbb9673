package com.logishift.support.faq.rest;

import static com.logishift.support.faq.support.Api.ADMIN;
import static com.logishift.support.faq.support.Api.PUBLIC;
import static com.logishift.support.faq.support.Api.as;
import static com.logishift.support.faq.support.Api.asAdmin;
import static com.logishift.support.faq.support.Api.create;
import static com.logishift.support.faq.support.Api.entry;
import static com.logishift.support.faq.support.Api.json;
import static com.logishift.support.faq.support.Api.uniqueTopic;
import static com.logishift.support.faq.support.Api.uniqueWord;
import static com.logishift.support.kit.test.Parallel.inParallel;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** "Was this helpful?": one vote per user and entry, counters that always add up. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class VoteTest {

    @Test
    void aVoteCountsOnceAndCanBeChanged() {
        String id = newEntry();
        String reader = Tokens.of("customer");
        vote(reader, id, true).then().statusCode(200)
                .body("entryId", equalTo(id)).body("helpful", equalTo(true))
                .body("helpfulCount", equalTo(1)).body("notHelpfulCount", equalTo(0));
        // the same vote again changes nothing
        vote(reader, id, true).then().statusCode(200)
                .body("helpfulCount", equalTo(1)).body("notHelpfulCount", equalTo(0));
        // changing it moves it
        vote(reader, id, false).then().statusCode(200)
                .body("helpful", equalTo(false))
                .body("helpfulCount", equalTo(0)).body("notHelpfulCount", equalTo(1));
        // readers see the counters
        json().get(PUBLIC + id).then().statusCode(200)
                .body("helpfulCount", equalTo(0)).body("notHelpfulCount", equalTo(1));
    }

    @Test
    void everyRoleMayVoteOncePerUser() {
        String id = newEntry();
        vote(Tokens.of("customer"), id, true).then().statusCode(200);
        vote(Tokens.of("agent"), id, true).then().statusCode(200);
        vote(Tokens.of("admin"), id, false).then().statusCode(200)
                .body("helpfulCount", equalTo(2)).body("notHelpfulCount", equalTo(1));
    }

    @Test
    void concurrentVotesAddUp() throws Exception {
        String id = newEntry();
        String repeater = UUID.randomUUID().toString();
        // 24 different users, a third of them say "not helpful"; and one user pressing "helpful" 12 times at once
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            tokens.add(Tokens.of("customer"));
        }
        for (int i = 0; i < 12; i++) {
            tokens.add(Tokens.forSubject(repeater, "customer"));
        }
        List<Integer> statuses = inParallel(tokens.size(), i -> vote(tokens.get(i), id, i >= 24 || i % 3 != 0).statusCode());
        assertEquals(Collections.nCopies(tokens.size(), 200), statuses);
        json().get(PUBLIC + id).then().statusCode(200)
                .body("helpfulCount", equalTo(16 + 1))
                .body("notHelpfulCount", equalTo(8));
    }

    @Test
    void concurrentChangesOfOneUsersVoteLeaveExactlyOneVote() throws Exception {
        String id = newEntry();
        String user = UUID.randomUUID().toString();
        String token = Tokens.forSubject(user, "agent");
        List<Integer> statuses = inParallel(20, i -> vote(token, id, i % 2 == 0).statusCode());
        assertEquals(Collections.nCopies(20, 200), statuses);
        var entry = json().get(PUBLIC + id).then().statusCode(200).extract().jsonPath();
        int helpful = entry.getInt("helpfulCount");
        int notHelpful = entry.getInt("notHelpfulCount");
        assertEquals(1, helpful + notHelpful, "helpful " + helpful + ", not helpful " + notHelpful);
    }

    @Test
    void anonymousAndForgedVotesAre401() {
        String id = newEntry();
        json().body(Map.of("helpful", true)).post(PUBLIC + id + "/vote/").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        vote(Tokens.signedByAnotherKey("customer"), id, true).then().statusCode(401)
                .contentType("application/problem+json");
        vote(Tokens.expired("customer"), id, true).then().statusCode(401);
        vote("not-a-jwt", id, true).then().statusCode(401).contentType("application/problem+json");
        json().get(PUBLIC + id).then().body("helpfulCount", equalTo(0)).body("notHelpfulCount", equalTo(0));
    }

    @Test
    void aTokenWithoutASupportRoleIs403() {
        vote(Tokens.of("visitor"), newEntry(), true).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void votesOnDraftsAndUnknownEntriesAre404() {
        Map<String, Object> draft = entry(uniqueTopic(), "en", "Draft " + uniqueWord(), "Answer");
        draft.put("published", false);
        String id = create(draft);
        vote(Tokens.of("customer"), id, true).then().statusCode(404).contentType("application/problem+json");
        vote(Tokens.of("customer"), UUID.randomUUID().toString(), true).then().statusCode(404);
        asAdmin().get(ADMIN + id).then().body("helpfulCount", equalTo(0));
    }

    @Test
    void badVoteBodiesAre400NamingTheField() {
        String id = newEntry();
        String token = Tokens.of("customer");
        as(token).body("{}").post(PUBLIC + id + "/vote/").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("helpful")));
        as(token).body("{\"helpful\": \"maybe\"}").post(PUBLIC + id + "/vote/").then().statusCode(400)
                .body("errors.field", equalTo(List.of("helpful")));
        as(token).body("{\"helpful\": tru").post(PUBLIC + id + "/vote/").then().statusCode(400)
                .body("errors.field", equalTo(List.of("body")));
        as(token).post(PUBLIC + id + "/vote/").then().statusCode(400)
                .body("errors.field", equalTo(List.of("body")));
        as(token).body(Map.of("helpful", true)).post(PUBLIC + "nope/vote/").then().statusCode(400)
                .body("errors.field", equalTo(List.of("id")));
        json().get(PUBLIC + id).then().body("helpfulCount", equalTo(0));
    }

    @Test
    void deletingAnEntryDeletesItsVotes() {
        String id = newEntry();
        vote(Tokens.of("customer"), id, true).then().statusCode(200);
        asAdmin().delete(ADMIN + id).then().statusCode(204);
        json().get(PUBLIC + id).then().statusCode(404);
    }

    private static String newEntry() {
        return create(entry(uniqueTopic(), "en", "Vote on " + uniqueWord() + "?", "An answer."));
    }

    private static io.restassured.response.Response vote(String token, String id, boolean helpful) {
        return as(token).body(Map.of("helpful", helpful)).post(PUBLIC + id + "/vote/");
    }
}
