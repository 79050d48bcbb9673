package com.logishift.support.ticket.report;

import com.logishift.support.ticket.Category;
import com.logishift.support.ticket.Priority;
import java.util.Arrays;
import java.util.List;

/**
 * What a report's series are: one for everything, or one per category, priority or assignee (the
 * ticket's current ones, see V15). {@code column} is the fact tables' column; null for NONE.
 */
public enum ReportGrouping {
    NONE(null, List.of(Report.ALL)),
    CATEGORY("category", Arrays.stream(Category.values()).map(Enum::name).toList()),
    PRIORITY("priority", List.of(Priority.HIGH.name(), Priority.MEDIUM.name(), Priority.LOW.name())),
    /** Agents with data in the report, by name; unassigned tickets are the group {@code null}. */
    AGENT("assignee_id", List.of());

    private final String column;
    private final List<String> fixedGroups;

    ReportGrouping(String column, List<String> fixedGroups) {
        this.column = column;
        this.fixedGroups = fixedGroups;
    }

    /** SQL: the group of a fact row, as text (never null for NONE). */
    String sql() {
        return column == null ? "'" + Report.ALL + "'" : column + "::text";
    }

    /** The groups every report shows, with or without data (empty: only the groups found). */
    List<String> fixedGroups() {
        return fixedGroups;
    }
}
