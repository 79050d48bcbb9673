package com.logishift.support.ticket.rest;

import com.logishift.support.kit.Ids;
import com.logishift.support.kit.PageRequest;
import com.logishift.support.ticket.Actor;
import com.logishift.support.ticket.Category;
import com.logishift.support.ticket.Priority;
import com.logishift.support.ticket.TicketStatus;
import com.logishift.support.ticket.rest.TicketViews.CustomerTicket;
import com.logishift.support.ticket.rest.TicketViews.StaffTicket;
import com.logishift.support.ticket.search.Highlight;
import com.logishift.support.ticket.search.SearchQuery;
import com.logishift.support.ticket.search.TicketSearch;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** GET /api/support/tickets/search/: ranked full-text search with highlighted snippets. */
@Path("/api/support/tickets/search")
@Tag(name = "search")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@RequiredArgsConstructor
public class SearchResource {

    private final TicketSearch search;
    private final CurrentActor caller;

    /** One hit: the ticket as the caller's own ticket lists show it, and why it matched. */
    public record SearchItem(@Schema(oneOf = {CustomerTicket.class, StaffTicket.class}) Object ticket,
            List<Highlight> highlights) {
    }

    /**
     * {@code totalCapped}: more tickets match than the newest ones a search ranks
     * ({@code SUPPORT_SEARCH_WINDOW} per part); {@code total} then counts those.
     */
    public record SearchPage(List<SearchItem> items, long total, int page, int size, boolean totalCapped) {
    }

    @GET
    @RolesAllowed({"customer", "agent", "admin"})
    @Operation(summary = "Search tickets: reference, subject, description, messages, delivery id (also a part "
            + "of it), and for staff the customer's name and e-mail address",
            description = "q: 2-200 characters once trimmed, web-search syntax (\"a phrase\", or, -without). "
                    + "Customers search their own tickets and PUBLIC messages only; agents and admins all tickets "
                    + "and INTERNAL messages too. Ordered by rank, then newest first, then id. Each highlight's "
                    + "snippet is HTML-escaped text with the matches in <mark>…</mark>, the only markup.")
    public Uni<SearchPage> search(@QueryParam("q") @Parameter(description = "what to look for, 2-200 characters") String q,
            @QueryParam("status") String status, @QueryParam("category") String category,
            @QueryParam("priority") String priority, @QueryParam("assigneeId") String assigneeId,
            @BeanParam PageRequest paging) {
        Actor actor = caller.get();
        int page = paging.page();
        int size = paging.size();
        SearchQuery query = SearchQuery.of(q,
                AdminTicketResource.parseEnum("status", status, TicketStatus.class),
                AdminTicketResource.parseEnum("category", category, Category.class),
                AdminTicketResource.parseEnum("priority", priority, Priority.class),
                assigneeId == null || assigneeId.isBlank() ? Optional.empty()
                        : Optional.of(Ids.parse("assigneeId", assigneeId.strip())));
        return search.search(actor, query, page, size).map(result -> new SearchPage(result.hits().stream()
                .map(hit -> new SearchItem(actor.role().isStaff()
                        ? TicketResources.staffView(hit.details())
                        : TicketResources.customerView(hit.details()), hit.highlights()))
                .toList(), result.total(), page, size, result.capped()));
    }
}
