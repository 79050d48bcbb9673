package com.logishift.support.agent.account.rest;

import com.logishift.support.agent.account.AccountStatus;
import com.logishift.support.agent.account.service.AccountService;
import com.logishift.support.kit.Ids;
import com.logishift.support.kit.Page;
import com.logishift.support.kit.PageRequest;
import com.logishift.support.kit.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Admin decisions on agent registrations, and taking agents out of service and back. */
@Path("/api/admin")
@Tag(name = "agents")
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
// a write runs to completion although its caller hangs up: never cut off halfway (service-kit README)
@Cancellable(false)
@RequiredArgsConstructor
public class AdminAgentResource {

    private static final EnumSet<AccountStatus> AGENT_STATUSES = EnumSet.of(AccountStatus.PENDING,
            AccountStatus.APPROVED, AccountStatus.REJECTED, AccountStatus.DEACTIVATED);

    private final AccountService accounts;
    private final JsonWebToken jwt;

    @POST
    @Path("approve-agent/{id}")
    @Operation(summary = "Approve an agent registration", description = "Approving twice is harmless.")
    public Uni<AccountView> approve(@PathParam("id") String id) {
        return accounts.approveAgent(Ids.parse("id", id), currentAdmin()).map(AccountView::of);
    }

    @POST
    @Path("reject-agent/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject a pending agent registration", description = "The reason is shown to the agent.")
    public Uni<AccountView> reject(@PathParam("id") String id,
            @Valid @NotNull(message = "is required") RejectionRequest request) {
        return accounts.rejectAgent(Ids.parse("id", id), currentAdmin(), request.reason()).map(AccountView::of);
    }

    @POST
    @Path("agents/{id}/deactivate")
    @Operation(summary = "Deactivate an approved agent",
            description = "They can no longer sign in, their tokens are refused everywhere within a minute and "
                    + "their open tickets go back to auto-assignment. Deactivating twice is harmless; "
                    + "any other status is 409.")
    public Uni<AccountView> deactivate(@PathParam("id") String id) {
        return accounts.deactivateAgent(Ids.parse("id", id), currentAdmin()).map(AccountView::of);
    }

    @POST
    @Path("agents/{id}/reactivate")
    @Operation(summary = "Reactivate a deactivated agent",
            description = "Back to APPROVED; they sign in again (tokens from before the deactivation stay "
                    + "refused). Any other status is 409.")
    public Uni<AccountView> reactivate(@PathParam("id") String id) {
        return accounts.reactivateAgent(Ids.parse("id", id), currentAdmin()).map(AccountView::of);
    }

    @GET
    @Path("agents")
    @Operation(summary = "Agent registrations, oldest first, optionally by status")
    public Uni<Page<AccountView>> agents(@QueryParam("status") String status, @BeanParam PageRequest page) {
        return accounts.listAgents(parseStatus(status), page.page(), page.size()).map(p -> p.map(AccountView::of));
    }

    private UUID currentAdmin() {
        return Ids.parse("sub", jwt.getSubject());
    }

    private static Optional<AccountStatus> parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        try {
            AccountStatus parsed = AccountStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            if (AGENT_STATUSES.contains(parsed)) {
                return Optional.of(parsed);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ProblemException.invalidField("status", "must be one of PENDING, APPROVED, REJECTED, DEACTIVATED");
    }
}
