package com.logishift.support.kit.test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The schema checks the event contract tests rely on, against a small document of our own. */
class AsyncApiContractTest {

    private static final String SCANNED = "com.example.parcel.scanned.v1";
    private static final String ID = "7d3f2b7c-3f1e-4a8e-9a59-1f0c2a0e7b11";
    private final AsyncApiContract contract = AsyncApiContract.read(Path.of("src/test/resources/asyncapi/parcel-events.yaml"));

    private String scanned(String extra) {
        return "{\"parcelId\":\"" + ID + "\",\"state\":\"DELIVERED\",\"scannedAt\":\"2026-12-06T09:00:00Z\"" + extra + "}";
    }

    @Test
    void aConformingPayloadPasses() {
        assertDoesNotThrow(() -> contract.assertPayload(SCANNED, scanned("")));
        assertDoesNotThrow(() -> contract.assertPayload(SCANNED, scanned(",\"depot\":null,\"count\":2")));
        assertDoesNotThrow(() -> contract.assertPayload("com.example.parcel.weighed.v1",
                "{\"parcelId\":\"" + ID + "\",\"grams\":250}"));
    }

    @Test
    void everyKindOfBreachIsNamed() {
        assertViolation(scanned(",\"secret\":\"x\""), "secret"); // not documented
        assertViolation("{\"parcelId\":\"" + ID + "\",\"state\":\"DELIVERED\"}", "scannedAt"); // required
        assertViolation(scanned("").replace(ID, "not-a-uuid"), "parcelId"); // format
        assertViolation(scanned("").replace("2026-12-06T09:00:00Z", "yesterday"), "scannedAt");
        assertViolation(scanned("").replace("DELIVERED", "LOST"), "state"); // enum through a $ref
        assertViolation(scanned(",\"count\":\"2\""), "count"); // type
        assertViolation(scanned(",\"depot\":\"TOO-LONG\""), "depot");
        assertViolation("{\"parcelId\":\"" + ID + "\",\"grams\":1,\"tare\":2}", "tare",
                "com.example.parcel.weighed.v1"); // a payload kept under components.schemas is strict too
        assertThrows(AssertionError.class, () -> contract.assertPayload(SCANNED, "not json"));
        assertThrows(AssertionError.class, () -> contract.assertPayload(SCANNED, "[]"));
    }

    @Test
    void anUnknownTypeFails() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> contract.assertPayload("com.example.parcel.lost.v1", "{}"));
        assertTrue(error.getMessage().contains("is not a message of"), error.getMessage());
    }

    @Test
    void headersAreCheckedAsDocumentedAndMayCarryMore() {
        assertDoesNotThrow(() -> contract.assertHeaders(SCANNED, Map.of("ce_id", "1", "ce_type", SCANNED,
                "traceparent", "00-abc")));
        assertThrows(AssertionError.class, () -> contract.assertHeaders(SCANNED, Map.of("ce_id", "1")));
        assertThrows(AssertionError.class, () -> contract.assertHeaders(SCANNED, Map.of("ce_id", "1",
                "ce_type", "com.example.other.v1")));
        assertThrows(AssertionError.class, () -> contract.assertHeaders("com.example.parcel.weighed.v1", Map.of()));
    }

    @Test
    void typesAndFieldsAreListed() {
        assertEquals(Set.of(SCANNED, "com.example.parcel.weighed.v1"), contract.types());
        assertEquals(Set.of("test.parcels"), contract.addresses());
        assertEquals(Set.of("parcelId", "state", "scannedAt"), contract.requiredFields(SCANNED));
        assertEquals(Set.of("parcelId", "state", "depot", "count", "scannedAt"), contract.fields(SCANNED));
        assertEquals(Set.of("parcelId", "grams"), contract.fields("com.example.parcel.weighed.v1"));
    }

    private void assertViolation(String payload, String field) {
        assertViolation(payload, field, SCANNED);
    }

    private void assertViolation(String payload, String field, String type) {
        AssertionError error = assertThrows(AssertionError.class, () -> contract.assertPayload(type, payload), payload);
        assertTrue(error.getMessage().contains(field), error.getMessage());
    }
}
