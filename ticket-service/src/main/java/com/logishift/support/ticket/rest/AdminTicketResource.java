package com.logishift.support.ticket.rest;

import com.logishift.support.ticket.Category;
import com.logishift.support.ticket.Priority;
import com.logishift.support.ticket.TicketStatus;
import com.logishift.support.kit.Ids;
import com.logishift.support.kit.Page;
import com.logishift.support.kit.PageRequest;
import com.logishift.support.kit.ProblemException;
import com.logishift.support.ticket.rest.TicketViews.StaffTicket;
import com.logishift.support.ticket.service.TicketFilter;
import com.logishift.support.ticket.service.TicketService;
import com.logishift.support.ticket.stats.StatsService;
import com.logishift.support.ticket.stats.TicketStats;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin oversight: every ticket with filters, and the stats. */
@Path("/api/admin/support")
@Tag(name = "admin")
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@RequiredArgsConstructor
public class AdminTicketResource {

    private final TicketService tickets;
    private final StatsService stats;

    @GET
    @Path("tickets")
    @Operation(summary = "All tickets, newest first, filtered by status, priority, category, assigneeId or unassigned=true",
            description = "sort=slaDue: the nearest running SLA due first (resolved or closed tickets, and tickets without one, last), then newest first.")
    public Uni<Page<StaffTicket>> all(@QueryParam("status") String status, @QueryParam("priority") String priority,
            @QueryParam("category") String category, @QueryParam("assigneeId") String assigneeId,
            @QueryParam("unassigned") String unassigned, @QueryParam("sort") String sort,
            @BeanParam PageRequest page) {
        boolean bySlaDue = bySlaDue(sort);
        boolean unassignedOnly = parseBoolean("unassigned", unassigned);
        if (unassignedOnly && assigneeId != null && !assigneeId.isBlank()) {
            throw ProblemException.invalidField("unassigned", "cannot be combined with assigneeId");
        }
        TicketFilter filter = new TicketFilter(Optional.empty(),
                parseEnum("status", status, TicketStatus.class),
                parseEnum("priority", priority, Priority.class),
                parseEnum("category", category, Category.class),
                assigneeId == null || assigneeId.isBlank() ? Optional.empty()
                        : Optional.of(Ids.parse("assigneeId", assigneeId.strip())),
                unassignedOnly);
        return tickets.list(filter, page.page(), page.size(), false, bySlaDue)
                .map(p -> p.map(TicketResources::staffView));
    }

    @GET
    @Path("stats")
    @Operation(summary = "Counts by status, priority and category; unassigned; average rating, first-response "
            + "and resolution time; per-agent load; slaMetPercent: per priority, the share of stopped resolution "
            + "clocks that were MET (null when none stopped)")
    public Uni<TicketStats> stats() {
        return stats.stats();
    }

    /** The staff lists' one sort besides their default order (empty: the default, as for the filters); anything else is 400. */
    static boolean bySlaDue(String sort) {
        if (sort == null || sort.isEmpty()) {
            return false;
        }
        if (!sort.equals("slaDue")) {
            throw ProblemException.invalidField("sort", "must be slaDue (or left out for the default order)");
        }
        return true;
    }

    static <E extends Enum<E>> Optional<E> parseEnum(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static boolean parseBoolean(String field, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalidField(field, "must be true or false");
        };
    }
}
