package com.logishift.support.ticket.report;

import static com.logishift.support.ticket.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.logishift.support.kit.test.JwtKeysTestResource;
import com.logishift.support.kit.test.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reports on a data set whose every number is worked out by hand: eight tickets of a customer of their
 * own in March 2001 (Europe/Berlin, where daylight saving began on Sunday 25 March, so the first week
 * has 167 hours), written in SQL the way the service writes them, transition by transition, so the
 * fact triggers of V15 see every path: a reopened ticket, the SLA clock stopping in the status
 * change's statement, after it and before it, a rating per resolution, a close after a resolution.
 * No other test writes tickets in 2001.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
class ReportsTest {

    private static final String REPORTS = "/api/admin/support/reports/";
    private static final UUID CUSTOMER = UUID.randomUUID();

    @Inject
    Pool pool;

    private final List<UUID> written = new ArrayList<>();

    @BeforeEach
    void forgetStoredReportsOf2001() {
        sql("DELETE FROM report_bucket WHERE start_at >= '2001-01-01T00:00:00Z' AND start_at < '2002-01-01T00:00:00Z'");
    }

    @AfterEach
    void removeTheDataSet() {
        for (UUID id : written) {
            sql("DELETE FROM ticket_feedback WHERE ticket_id = $1", id);
            sql("DELETE FROM ticket WHERE id = $1", id);
        }
    }

    @Test
    void weeksAcrossTheChangeToSummerTime() {
        writeDataSet();
        JsonPath report = as(Tokens.admin())
                .queryParams(Map.of("from", "2001-03-19", "to", "2001-04-02", "interval", "week", "tz", "Europe/Berlin"))
                .get(REPORTS).then().statusCode(200)
                .body("from", equalTo("2001-03-19")).body("to", equalTo("2001-04-02"))
                .body("interval", equalTo("week")).body("tz", equalTo("Europe/Berlin")).body("groupBy", equalTo("none"))
                .body("series", hasSize(1)).body("series[0].group", equalTo("all"))
                .body("series[0].buckets", hasSize(2))
                .extract().jsonPath();
        // week 1: Monday 19 March 00:00 CET up to Monday 26 March 00:00 CEST
        assertBucket(report, "series[0].buckets[0]", Map.ofEntries(
                Map.entry("start", "2001-03-19T00:00:00+01:00"),
                Map.entry("created", 2), Map.entry("resolved", 3), Map.entry("backlog", 2),
                // one first response in the week (T3, 30 min); T2's came before the range
                Map.entry("firstResponseMedianMinutes", 30.0f), Map.entry("firstResponseP90Minutes", 30.0f),
                Map.entry("firstResponseBusinessMedianMinutes", 30.0f), Map.entry("firstResponseBusinessP90Minutes", 30.0f),
                // resolutions 240, 4380, 11520 min (business 240, 720, 600): the exact middle and 90th values
                Map.entry("resolutionMedianMinutes", 4380.0f), Map.entry("resolutionP90Minutes", 11520.0f),
                Map.entry("resolutionBusinessMedianMinutes", 600.0f), Map.entry("resolutionBusinessP90Minutes", 720.0f),
                Map.entry("slaMetPercent", 66.7f), Map.entry("csatAverage", 4.0f), Map.entry("csatCount", 1 + 1),
                Map.entry("reopenRate", 33.3f)));
        // week 2: from Monday 26 March 00:00 CEST; T8 (2 April 00:30 CEST) is past the end
        assertBucket(report, "series[0].buckets[1]", Map.ofEntries(
                Map.entry("start", "2001-03-26T00:00:00+02:00"),
                Map.entry("created", 3), Map.entry("resolved", 2), Map.entry("backlog", 3),
                Map.entry("firstResponseMedianMinutes", 10.0f), Map.entry("firstResponseP90Minutes", 570.0f),
                Map.entry("firstResponseBusinessMedianMinutes", 10.0f), Map.entry("firstResponseBusinessP90Minutes", 60.0f),
                Map.entry("resolutionMedianMinutes", 1440.0f), Map.entry("resolutionP90Minutes", 1950.0f),
                Map.entry("resolutionBusinessMedianMinutes", 480.0f), Map.entry("resolutionBusinessP90Minutes", 480.0f),
                Map.entry("slaMetPercent", 100.0f), Map.entry("csatAverage", 4.0f), Map.entry("csatCount", 1),
                Map.entry("reopenRate", 0.0f)));
    }

    @Test
    void daysInTheZoneWithEmptyDaysAsZero() {
        writeDataSet();
        JsonPath report = as(Tokens.admin())
                .queryParams(Map.of("from", "2001-03-19", "to", "2001-04-02", "tz", "Europe/Berlin"))
                .get(REPORTS).then().statusCode(200)
                .body("interval", equalTo("day"))
                .body("series[0].buckets", hasSize(14))
                .extract().jsonPath();
        String b = "series[0].buckets";
        // the 23-hour Sunday holds T4 (23:30 CEST); T5 (00:30 CEST) is Monday's, though both are 25 March in UTC
        assertEquals("2001-03-25T00:00:00+01:00", report.getString(b + "[6].start"));
        assertEquals(1, report.getInt(b + "[6].created"));
        assertEquals("2001-03-26T00:00:00+02:00", report.getString(b + "[7].start"));
        assertEquals(1, report.getInt(b + "[7].created"));
        // Saturday 24 March: nothing happened — zeros and nulls, the backlog is T1 alone
        assertBucket(report, b + "[5]", Map.of("created", 0, "resolved", 0, "backlog", 1, "csatCount", 0));
        for (String empty : List.of("firstResponseMedianMinutes", "resolutionP90Minutes", "slaMetPercent", "csatAverage",
                "reopenRate")) {
            assertEquals((Object) null, report.get(b + "[5]." + empty), empty);
        }
        // Tuesday 20 March: T2 resolved (8 days), the backlog T1 (T3 was resolved the day before)
        assertBucket(report, b + "[1]", Map.of("resolved", 1, "backlog", 1, "resolutionMedianMinutes", 11520.0f));
        // Wednesday 21 March: T3 reopened; Sunday 1 April: T7 created
        assertBucket(report, b + "[2]", Map.of("resolved", 0, "backlog", 2));
        assertBucket(report, b + "[13]", Map.of("created", 1, "backlog", 3));
        // Friday 30 March: T6 closed after its resolution — a close is no second resolution
        assertBucket(report, b + "[11]", Map.of("resolved", 0, "backlog", 2));
    }

    @Test
    void groupedByPriorityTheSeriesAddUp() {
        writeDataSet();
        as(Tokens.admin())
                .queryParams(Map.of("from", "2001-03-19", "to", "2001-03-26", "interval", "week", "tz", "Europe/Berlin",
                        "groupBy", "priority"))
                .get(REPORTS).then().statusCode(200)
                .body("series.group", equalTo(List.of("HIGH", "MEDIUM", "LOW")))
                // HIGH: T1 open before, T3 created, resolved twice, reopened once
                .body("series[0].buckets[0].created", equalTo(1)).body("series[0].buckets[0].resolved", equalTo(2))
                .body("series[0].buckets[0].backlog", equalTo(1))
                // MEDIUM: T2 from before, resolved
                .body("series[1].buckets[0].resolved", equalTo(1)).body("series[1].buckets[0].backlog", equalTo(0))
                .body("series[1].buckets[0].firstResponseMedianMinutes", nullValue())
                // LOW: T4
                .body("series[2].buckets[0].created", equalTo(1)).body("series[2].buckets[0].backlog", equalTo(1));
    }

    @Test
    void aPriorityChangeMovesTheTicketsFactsToItsNewGroup() {
        writeDataSet();
        // T2 (resolved, MEDIUM) becomes HIGH: its resolution counts for HIGH now, in every bucket
        sql("UPDATE ticket SET priority = 'HIGH' WHERE id = $1", written.get(1));
        as(Tokens.admin())
                .queryParams(Map.of("from", "2001-03-19", "to", "2001-03-26", "interval", "week", "tz", "Europe/Berlin",
                        "groupBy", "priority"))
                .get(REPORTS).then().statusCode(200)
                .body("series[0].buckets[0].resolved", equalTo(3)).body("series[0].buckets[0].backlog", equalTo(1))
                .body("series[1].buckets[0].resolved", equalTo(0)).body("series[1].buckets[0].backlog", equalTo(0));
    }

    @Test
    void theCsvIsTheSameReport() {
        writeDataSet();
        Map<String, String> query = Map.of("from", "2001-03-19", "to", "2001-04-02", "interval", "week",
                "tz", "Europe/Berlin", "groupBy", "category");
        JsonPath json = as(Tokens.admin()).queryParams(query).get(REPORTS).then().statusCode(200).extract().jsonPath();
        var response = as(Tokens.admin()).accept("text/csv").queryParams(query).get(REPORTS + "export.csv").then()
                .statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"support-report-2001-03-19-2001-04-02.csv\""))
                .extract();
        String body = response.asString();
        org.junit.jupiter.api.Assertions.assertTrue(body.endsWith("\r\n"), "RFC 4180 line ends");
        List<List<String>> rows = Csv.parse(body);
        List<String> header = rows.get(0);
        assertEquals(List.of("group", "label", "start", "created", "resolved", "backlog", "firstResponseMedianMinutes",
                "firstResponseP90Minutes", "firstResponseBusinessMedianMinutes", "firstResponseBusinessP90Minutes",
                "resolutionMedianMinutes", "resolutionP90Minutes", "resolutionBusinessMedianMinutes",
                "resolutionBusinessP90Minutes", "slaMetPercent", "csatAverage", "csatCount", "reopenRate"), header);
        // five categories of two weeks, each cell as the JSON has it
        assertEquals(1 + 5 * 2, rows.size());
        int line = 1;
        for (int s = 0; s < 5; s++) {
            for (int w = 0; w < 2; w++, line++) {
                List<String> row = rows.get(line);
                String bucket = "series[" + s + "].buckets[" + w + "]";
                assertEquals(json.getString("series[" + s + "].group"), row.get(0));
                for (int c = 2; c < header.size(); c++) {
                    Object value = json.get(bucket + "." + header.get(c));
                    assertEquals(value == null ? "" : String.valueOf(value), row.get(c), bucket + "." + header.get(c));
                }
            }
        }
        // LATE: T2 resolved in week 1 after 11520 minutes
        assertEquals("LATE", rows.get(5).get(0));
        assertEquals("11520.0", rows.get(5).get(header.indexOf("resolutionMedianMinutes")));
    }

    // --- the stored buckets (V19): settled buckets are read back, and never stale ---------------------

    @ParameterizedTest(name = "{0} by {1}")
    @CsvSource({"day, none, 2001-03-19, 2001-04-02", "week, category, 2001-03-19, 2001-04-02",
            "month, agent, 2001-03-01, 2001-05-01", "week, priority, 2001-03-21, 2001-04-05"})
    void aStoredReportIsTheOneTheFactsGive(String interval, String groupBy, String from, String to) {
        writeDataSet();
        Map<String, String> query = Map.of("from", from, "to", to, "interval", interval, "tz", "Europe/Berlin",
                "groupBy", groupBy);
        String grouping = groupBy.toUpperCase(java.util.Locale.ROOT);
        String fromFacts = as(Tokens.admin()).queryParams(query).get(REPORTS).then().statusCode(200).extract().asString();
        int buckets = JsonPath.from(fromFacts).getList("series[0].buckets").size();
        assertEquals(buckets, stored(grouping, from), "every bucket of 2001 is settled, so stored");
        String fromStore = as(Tokens.admin()).queryParams(query).get(REPORTS).then().statusCode(200).extract().asString();
        assertEquals(fromFacts, fromStore);
        // and the second answer did come from the store: a bucket emptied there shows as empty
        sql("UPDATE report_bucket SET cells = '[]' WHERE grouping = $1 AND start_at = $2::timestamptz", grouping,
                OffsetDateTime.parse(JsonPath.from(fromFacts).getString("series[0].buckets[0].start")));
        String tampered = as(Tokens.admin()).queryParams(query).get(REPORTS).then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertNotEquals(fromFacts, tampered);
    }

    @Test
    void aLateReopenOfAnOldTicketChangesTheStoredWeek() {
        writeDataSet();
        JsonPath before = weeks("none");
        assertEquals(0.0f, before.getFloat("series[0].buckets[1].reopenRate"));
        assertEquals(2, stored("NONE", "2001-03-19"));
        // T5 (resolved 27 March 2001) reopened today
        sql("UPDATE ticket SET status = 'IN_PROGRESS', resolved_at = NULL, updated_at = now(), sla_res_status = 'RUNNING'"
                + " WHERE id = $1", written.get(4));
        JsonPath after = weeks("none");
        assertEquals(50.0f, after.getFloat("series[0].buckets[1].reopenRate"));
        assertEquals(3, after.getInt("series[0].buckets[1].backlog"), "reopened now: the backlog of 2001 stays");
    }

    @Test
    void aLateRatingOfAnOldResolutionChangesTheStoredWeek() {
        writeDataSet();
        JsonPath before = weeks("none");
        assertEquals(1, before.getInt("series[0].buckets[1].csatCount"));
        assertEquals(2, stored("NONE", "2001-03-19"));
        rate(written.get(4), 1, 1); // T5's resolution of 27 March 2001, rated today
        JsonPath after = weeks("none");
        assertEquals(2, after.getInt("series[0].buckets[1].csatCount"));
        assertEquals(2.5f, after.getFloat("series[0].buckets[1].csatAverage"));
    }

    @Test
    void aCategoryChangeOfAnOldTicketMovesItInTheStoredWeeks() {
        writeDataSet();
        String late = "series.find { it.group == 'LATE' }.buckets[0].";
        String lost = "series.find { it.group == 'LOST' }.buckets[0].";
        JsonPath before = weeks("category");
        assertEquals(1, before.getInt(late + "resolved"));
        assertEquals(2, before.getInt(lost + "resolved"));
        assertEquals(2, stored("CATEGORY", "2001-03-19"));
        sql("UPDATE ticket SET category = 'LOST' WHERE id = $1", written.get(1)); // T2, resolved 20 March 2001
        JsonPath after = weeks("category");
        assertEquals(0, after.getInt(late + "resolved"));
        assertEquals(3, after.getInt(lost + "resolved"));
        assertEquals(11520.0f, after.getFloat(lost + "resolutionP90Minutes"));
    }

    @Test
    void theBacklogBeforeALaterStartComesFromStoredDaysAndFollowsAnOldChange() {
        writeDataSet();
        Map<String, String> query = Map.of("from", "2001-03-26", "to", "2001-04-02", "interval", "week",
                "tz", "Europe/Berlin");
        // open at 26 March 00:00 CEST: T1 and T4 (T2 and T3 resolved); the week adds T5, T6, T7 and resolves two
        as(Tokens.admin()).queryParams(query).get(REPORTS).then().statusCode(200)
                .body("series[0].buckets[0].backlog", equalTo(3));
        // the UTC days from T1's creation (10 March) up to the start's day are stored with their counts
        int days = pool.query("SELECT count(*) FROM report_bucket WHERE grouping = 'NONE'"
                        + " AND end_at - start_at = interval '1 day' AND start_at >= '2001-03-10T00:00:00Z'"
                        + " AND end_at <= '2001-03-25T00:00:00Z'")
                .execute().await().indefinitely().iterator().next().getInteger(0);
        assertEquals(15, days);
        // T1, created 10 March, turns out resolved on 12 March: a stored day changes, so the backlog after it
        resolve(written.get(0), "2001-03-12T10:00:00Z", 1, "MET", 60);
        as(Tokens.admin()).queryParams(query).get(REPORTS).then().statusCode(200)
                .body("series[0].buckets[0].backlog", equalTo(2));
    }

    private JsonPath weeks(String groupBy) {
        return as(Tokens.admin())
                .queryParams(Map.of("from", "2001-03-19", "to", "2001-04-02", "interval", "week", "tz", "Europe/Berlin",
                        "groupBy", groupBy))
                .get(REPORTS).then().statusCode(200).extract().jsonPath();
    }

    /**
     * How many buckets of 2001 from {@code from} (Berlin) on are stored for a grouping: the report's own,
     * not the UTC days before it that its backlog needed (other tests' reports of 2001 are forgotten first).
     */
    private int stored(String grouping, String from) {
        return pool.preparedQuery("SELECT count(*) FROM report_bucket WHERE grouping = $1"
                        + " AND start_at >= $2 AND start_at < '2002-01-01T00:00:00Z'")
                .execute(Tuple.of(grouping, java.time.LocalDate.parse(from).atStartOfDay(java.time.ZoneId.of("Europe/Berlin"))
                        .toOffsetDateTime()))
                .await().indefinitely().iterator().next().getInteger(0);
    }

    // --- the data set -------------------------------------------------------------------------------

    /**
     * All times UTC (Berlin is UTC+1 until 25 March 01:00 UTC, then UTC+2). Business minutes are what
     * the SLA clock counts on Mon–Fri 09:00–17:00 Berlin.
     * <ul>
     * <li>T1 HIGH DAMAGED: created 10 March, in progress throughout (the backlog before the range).
     * <li>T2 MEDIUM LATE: created 12 March 10:00, first response 11:00; resolved 20 March 10:00 (11520 min,
     * business 600, MET).
     * <li>T3 HIGH LOST: created 19 March 08:00, first response 08:30 (30, business 30); resolved 12:00 (240,
     * business 240, MET), rated 5; reopened 21 March 09:00; resolved 22 March 09:00 (4380, business 720,
     * BREACHED — the clock stops in the statement after the status change), rated 3.
     * <li>T4 LOW OTHER: created 25 March 21:30 (23:30 CEST, Sunday), in progress.
     * <li>T5 LOW OTHER: created 25 March 22:30 (00:30 CEST, Monday); first response 26 March 08:00 (570,
     * business 60); resolved 27 March 07:00 (1950, business 480, MET), not rated.
     * <li>T6 MEDIUM DAMAGED: created 28 March 10:00, first response 10:10 (10, business 10); the clock stops
     * MET (480) a statement before the resolution of 29 March 10:00 (1440); rated 4, closed 30 March.
     * <li>T7 HIGH LATE: created 1 April 21:00 (23:00 CEST), in progress.
     * <li>T8 HIGH LATE: created 1 April 22:30 (2 April 00:30 CEST), past the range.
     * </ul>
     */
    private void writeDataSet() {
        UUID t1 = ticket("HIGH", "DAMAGED", "2001-03-10T10:00:00Z");
        UUID t2 = ticket("MEDIUM", "LATE", "2001-03-12T10:00:00Z");
        firstResponse(t2, "2001-03-12T11:00:00Z", 60);
        resolve(t2, "2001-03-20T10:00:00Z", 1, "MET", 600);
        UUID t3 = ticket("HIGH", "LOST", "2001-03-19T08:00:00Z");
        firstResponse(t3, "2001-03-19T08:30:00Z", 30);
        resolve(t3, "2001-03-19T12:00:00Z", 1, "MET", 240);
        rate(t3, 1, 5);
        sql("UPDATE ticket SET status = 'IN_PROGRESS', resolved_at = NULL, updated_at = '2001-03-21T09:00:00Z',"
                + " sla_res_status = 'RUNNING' WHERE id = $1", t3);
        resolve(t3, "2001-03-22T09:00:00Z", 2, "RUNNING", 240);
        sql("UPDATE ticket SET sla_res_status = 'BREACHED', sla_res_used_ms = 720 * 60000 WHERE id = $1", t3);
        rate(t3, 2, 3);
        ticket("LOW", "OTHER", "2001-03-25T21:30:00Z");
        UUID t5 = ticket("LOW", "OTHER", "2001-03-25T22:30:00Z");
        firstResponse(t5, "2001-03-26T08:00:00Z", 60);
        resolve(t5, "2001-03-27T07:00:00Z", 1, "MET", 480);
        UUID t6 = ticket("MEDIUM", "DAMAGED", "2001-03-28T10:00:00Z");
        firstResponse(t6, "2001-03-28T10:10:00Z", 10);
        sql("UPDATE ticket SET sla_res_status = 'MET', sla_res_used_ms = 480 * 60000 WHERE id = $1", t6);
        resolve(t6, "2001-03-29T10:00:00Z", 1, "MET", 480);
        rate(t6, 1, 4);
        sql("UPDATE ticket SET status = 'CLOSED', closed_at = '2001-03-30T10:00:00Z', updated_at = '2001-03-30T10:00:00Z'"
                + " WHERE id = $1", t6);
        ticket("HIGH", "LATE", "2001-04-01T21:00:00Z");
        ticket("HIGH", "LATE", "2001-04-01T22:30:00Z");
        assertEquals(t1, written.get(0));
    }

    /** A ticket in progress (nobody's: an OPEN one would join the agents' queue) with running clocks. */
    private UUID ticket(String priority, String category, String createdAt) {
        UUID id = UUID.randomUUID();
        written.add(id);
        sql("""
                INSERT INTO ticket (id, reference, subject, description, category, priority, status, customer_id,
                                    created_at, updated_at, sla_policy_version, sla_fr_status, sla_fr_used_ms,
                                    sla_res_status, sla_res_used_ms)
                VALUES ($1, 'R-' || substr(md5($1::text), 1, 12), 'Report fixture', 'A ticket of the reports test.',
                        $2, $3, 'IN_PROGRESS', $4, $5::timestamptz, $5::timestamptz, 1, 'RUNNING', 0, 'RUNNING', 0)""",
                id, category, priority, CUSTOMER, OffsetDateTime.parse(createdAt));
        return id;
    }

    /** The first public staff message: the first-response clock stops MET with its business minutes. */
    private void firstResponse(UUID id, String at, int businessMinutes) {
        sql("UPDATE ticket SET first_response_at = $2::timestamptz, sla_fr_status = 'MET', sla_fr_used_ms = $3"
                + " WHERE id = $1", id, OffsetDateTime.parse(at), businessMinutes * 60_000L);
    }

    /** RESOLVED with the resolution clock as given, in one statement (as update-status writes it). */
    private void resolve(UUID id, String at, int resolution, String clock, int businessMinutes) {
        sql("UPDATE ticket SET status = 'RESOLVED', resolved_at = $2::timestamptz, updated_at = $2::timestamptz,"
                + " resolution_count = $3, sla_res_status = $4, sla_res_used_ms = $5 WHERE id = $1",
                id, OffsetDateTime.parse(at), resolution, clock, businessMinutes * 60_000L);
    }

    private void rate(UUID id, int resolution, int rating) {
        sql("INSERT INTO ticket_feedback (id, ticket_id, resolution, customer_id, rating, created_at)"
                + " VALUES (gen_random_uuid(), $1, $2, $3, $4, now())", id, resolution, CUSTOMER, (short) rating);
    }

    private void sql(String statement, Object... parameters) {
        pool.preparedQuery(statement).execute(Tuple.from(parameters)).await().indefinitely();
    }

    private static void assertBucket(JsonPath report, String bucket, Map<String, Object> expected) {
        expected.forEach((key, value) -> assertEquals(value, report.get(bucket + "." + key), bucket + "." + key));
    }
}
