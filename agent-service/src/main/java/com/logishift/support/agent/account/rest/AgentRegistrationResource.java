package com.logishift.support.agent.account.rest;

import com.logishift.support.agent.account.Role;
import com.logishift.support.agent.account.service.AccountService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/support/register-agent")
@Tag(name = "agents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
// a write runs to completion although its caller hangs up: never cut off halfway (service-kit README)
@Cancellable(false)
@RequiredArgsConstructor
public class AgentRegistrationResource {

    private final AccountService accounts;

    @POST
    @PermitAll
    @Operation(summary = "Register as a support agent",
            description = "Creates a PENDING agent; they can sign in once an admin approves them.")
    public Uni<Response> register(@Valid @NotNull(message = "is required") RegistrationRequest request) {
        return accounts.register(Role.AGENT, request.name(), request.email(), request.password(), request.phone())
                .map(account -> Response.status(Response.Status.CREATED).entity(AccountView.of(account)).build());
    }
}
