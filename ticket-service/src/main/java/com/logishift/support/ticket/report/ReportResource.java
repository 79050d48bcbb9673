package com.logishift.support.ticket.report;

import com.logishift.support.ticket.sla.SlaPolicies;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;

/** The admins' reports: per bucket of days, weeks or months, optionally per category, priority or agent. */
@Path("/api/admin/support/reports")
@Tag(name = "admin")
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
@RequiredArgsConstructor
public class ReportResource {

    private final ReportService reports;
    private final SlaPolicies policies;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Created, resolved, backlog, first-response and resolution times (median, p90; wall clock "
            + "and business minutes), SLA met %, CSAT and reopen rate per bucket",
            description = "Days from `from` up to, not including, `to` (at most 2 years), in buckets of a day, an ISO "
                    + "week or a calendar month in the IANA zone `tz` (default: the SLA policy's). Counts are 0 in "
                    + "empty buckets, other numbers null. Grouped by the tickets' current category, priority or "
                    + "assignee (`group` null: unassigned). Buckets that ended two days ago are stored once computed "
                    + "(and recomputed when an old ticket's facts change), so the first report of a new interval, "
                    + "zone and grouping takes longer than the next.")
    public Uni<Report> report(@Parameter(description = "first day, e.g. 2026-01-01") @QueryParam("from") String from,
            @Parameter(description = "day after the last, e.g. 2026-02-01") @QueryParam("to") String to,
            @Parameter(description = "day (default), week or month") @QueryParam("interval") String interval,
            @Parameter(description = "IANA time zone, e.g. Europe/Berlin") @QueryParam("tz") String tz,
            @Parameter(description = "none (default), category, priority or agent") @QueryParam("groupBy") String groupBy) {
        return range(from, to, interval, tz, groupBy).flatMap(reports::report);
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @Operation(summary = "The same report as CSV (RFC 4180): a header row, then one row per group and bucket")
    public Multi<String> export(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("interval") String interval, @QueryParam("tz") String tz, @QueryParam("groupBy") String groupBy) {
        // checked before the answer starts, so a mistake is a 400 problem, not a broken download
        ReportRange.parse(from, to, interval, tz, groupBy, ZoneOffset.UTC);
        return RestMulti.fromUniResponse(range(from, to, interval, tz, groupBy).flatMap(reports::report),
                report -> Multi.createFrom().iterable(ReportCsv.lines(report)),
                report -> Map.of("Content-Disposition", List.of("attachment; filename=\"support-report-"
                        + report.from() + "-" + report.to() + ".csv\"")));
    }

    private Uni<ReportRange> range(String from, String to, String interval, String tz, String groupBy) {
        if (tz != null && !tz.isBlank()) {
            return Uni.createFrom().item(() -> ReportRange.parse(from, to, interval, tz, groupBy, null));
        }
        return policies.current().map(policy -> ReportRange.parse(from, to, interval, tz, groupBy,
                policy.calendar().zone()));
    }
}
