package com.logishift.support.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * "Unresolved" and "the queue" live in {@link TicketStatus}; the migrations that must spell them out
 * in SQL (the agent-load trigger of V2/V3, the queue index of V4) cannot refer to the class, and an
 * applied migration cannot even gain a comment (Flyway would refuse its changed checksum). So this
 * test reads them and fails when one of them disagrees with the class.
 */
class TicketStatusRulesTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    /** Every {@code status IN ('A', 'B')} list, with or without a table alias. */
    private static final Pattern STATUS_LIST = Pattern.compile("(?i)\\bstatus\\s+IN\\s*\\(([^)]*)\\)");
    private static final Pattern QUEUE_PREDICATE =
            Pattern.compile("(?i)WHERE\\s+assignee_id\\s+IS\\s+NULL\\s+AND\\s+status\\s*=\\s*'([A-Z_]+)'");

    @Test
    void theLoadTriggerCountsExactlyTheUnresolvedStatuses() throws IOException {
        List<String> lists = new ArrayList<>();
        for (String name : List.of("V2__agent_load_counters.sql", "V3__agent_load_ledger.sql")) {
            Matcher m = STATUS_LIST.matcher(Files.readString(MIGRATIONS.resolve(name)));
            while (m.find()) {
                lists.add(name + ": " + m.group(1));
                assertEquals(TicketStatus.UNRESOLVED, statuses(m.group(1)), name + ": " + m.group());
            }
        }
        // V2: the back-fill and the trigger's two conditions; V3: the trigger's two conditions
        assertEquals(5, lists.size(), "status lists found: " + lists);
    }

    @Test
    void theReportFactsCountExactlyTheResolvedStatusesAsDone() throws IOException {
        Matcher m = STATUS_LIST.matcher(Files.readString(MIGRATIONS.resolve("V15__reports.sql")));
        int lists = 0;
        for (; m.find(); lists++) {
            assertEquals(EnumSet.complementOf(EnumSet.copyOf(TicketStatus.UNRESOLVED)), statuses(m.group(1)), "V15: " + m.group());
        }
        // the trigger's "is done" and "was done", the back-fill's resolved tickets
        assertEquals(3, lists);
    }

    @Test
    void theSlaCleanUpTakesExactlyTheResolvedStatuses() throws IOException {
        Matcher m = STATUS_LIST.matcher(Files.readString(MIGRATIONS.resolve("V21__sla_finished_tickets.sql")));
        assertTrue(m.find(), "V21's status list");
        assertEquals(EnumSet.complementOf(EnumSet.copyOf(TicketStatus.UNRESOLVED)), statuses(m.group(1)), "V21: " + m.group());
        assertFalse(m.find(), "one list");
    }

    @Test
    void theQueueIndexCoversExactlyTheQueue() throws IOException {
        String v4 = Files.readString(MIGRATIONS.resolve("V4__queue_index.sql"));
        Matcher m = QUEUE_PREDICATE.matcher(v4);
        assertTrue(m.find(), "V4's index predicate");
        assertEquals(TicketStatus.QUEUED.name(), m.group(1));
        assertEquals(TicketStatus.queueSql(""), m.group().substring("WHERE ".length()));
    }

    @Test
    void theFragmentsSpellTheRules() {
        assertEquals("t.status IN ('OPEN', 'IN_PROGRESS', 'ON_HOLD')", TicketStatus.unresolvedSql("t.status"));
        assertEquals("t.status IN ('RESOLVED', 'CLOSED')", TicketStatus.resolvedSql("t.status"));
        assertEquals("t.assignee_id IS NULL AND t.status = 'OPEN'", TicketStatus.queueSql("t"));
        assertEquals("status in (com.logishift.support.ticket.TicketStatus.OPEN, "
                + "com.logishift.support.ticket.TicketStatus.IN_PROGRESS, "
                + "com.logishift.support.ticket.TicketStatus.ON_HOLD)", TicketStatus.unresolvedHql());
        assertEquals("assigneeId is null and status = com.logishift.support.ticket.TicketStatus.OPEN",
                TicketStatus.queueHql());
        // resolved and unresolved split the lifecycle without overlap
        Set<TicketStatus> resolved = statuses(TicketStatus.resolvedSql("s").replaceAll(".*\\((.*)\\)", "$1"));
        assertFalse(resolved.stream().anyMatch(TicketStatus.UNRESOLVED::contains));
        assertEquals(EnumSet.allOf(TicketStatus.class), union(resolved, TicketStatus.UNRESOLVED));
    }

    private static Set<TicketStatus> statuses(String sqlList) {
        return Arrays.stream(sqlList.split(","))
                .map(s -> s.trim().replace("'", ""))
                .map(TicketStatus::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(TicketStatus.class)));
    }

    private static Set<TicketStatus> union(Set<TicketStatus> a, Set<TicketStatus> b) {
        Set<TicketStatus> all = EnumSet.noneOf(TicketStatus.class);
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}
