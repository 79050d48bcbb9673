package com.logishift.support.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rows become one typed array per column, in call order, after what the tuple held; nulls stay null. */
class ColumnsTest {

    private record Row(UUID id, String name, Integer count, Boolean flag, Instant at) {
    }

    @Test
    void eachColumnIsOneArrayInRowOrderAfterTheTuplesOwnParameters() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-07T03:30:00Z");
        List<Row> rows = List.of(new Row(a, "first", 1, true, at), new Row(b, null, null, null, null));

        Tuple tuple = Columns.of(Tuple.of("before"), rows).uuid(Row::id).string(Row::name).integer(Row::count)
                .bool(Row::flag).time(Row::at).tuple();

        assertEquals(6, tuple.size());
        assertEquals("before", tuple.getString(0));
        assertArrayEquals(new UUID[] {a, b}, tuple.getArrayOfUUIDs(1));
        assertArrayEquals(new String[] {"first", null}, tuple.getArrayOfStrings(2));
        assertArrayEquals(new Integer[] {1, null}, tuple.getArrayOfIntegers(3));
        assertArrayEquals(new Boolean[] {true, null}, tuple.getArrayOfBooleans(4));
        assertArrayEquals(new OffsetDateTime[] {at.atOffset(ZoneOffset.UTC), null}, tuple.getArrayOfOffsetDateTimes(5));
    }

    @Test
    void anEmptyBatchGivesEmptyArrays() {
        Tuple tuple = Columns.of(Tuple.tuple(), List.<Row>of()).uuid(Row::id).time(Row::at).tuple();
        assertEquals(0, tuple.getArrayOfUUIDs(0).length);
        assertEquals(0, tuple.getArrayOfOffsetDateTimes(1).length);
    }
}
