package com.logishift.support.agent.account.rest;

import com.logishift.support.agent.account.Role;
import com.logishift.support.agent.account.service.AccountService;
import com.logishift.support.agent.account.service.LoginService;
import com.logishift.support.kit.Ids;
import com.logishift.support.kit.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Customer sign-up, sign-in for every role, and "who am I". */
@Path("/api/auth")
@Tag(name = "auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
// a write runs to completion although its caller hangs up: never cut off halfway (service-kit README)
@Cancellable(false)
@RequiredArgsConstructor
public class AuthResource {

    private final AccountService accounts;
    private final LoginService logins;
    private final JsonWebToken jwt;

    @POST
    @Path("register")
    @PermitAll
    @Operation(summary = "Customer sign-up", description = "Creates an active customer account.")
    public Uni<Response> register(@Valid @NotNull(message = "is required") RegistrationRequest request) {
        return accounts.register(Role.CUSTOMER, request.name(), request.email(), request.password(), request.phone())
                .map(account -> Response.status(Response.Status.CREATED).entity(AccountView.of(account)).build());
    }

    @POST
    @Path("login")
    @PermitAll
    @Operation(summary = "Sign in with email and password",
            description = "401 for wrong credentials, 403 for pending, rejected or deactivated agents (with the "
                    + "reason), 429 with Retry-After after repeated failures from the same client.")
    public Uni<LoginResponse> login(@Valid @NotNull(message = "is required") LoginRequest request,
            @Context HttpServerRequest http) {
        return logins.login(request.email(), request.password(), clientAddress(http))
                .map(signedIn -> new LoginResponse(signedIn.token().value(), "Bearer",
                        signedIn.token().expiresInSeconds(), signedIn.role()));
    }

    /**
     * The caller's address: with quarkus.http.proxy.* this is the X-Forwarded-For address when the
     * request came from a trusted proxy (the gateway), otherwise the peer's own address.
     */
    private static String clientAddress(HttpServerRequest http) {
        SocketAddress remote = http.remoteAddress();
        return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    }

    @GET
    @Path("me")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "The signed-in account")
    public Uni<AccountView> me() {
        return accounts.find(Ids.parse("sub", jwt.getSubject())).map(account -> {
            // the other services learn revocations by polling; here the account itself is at hand
            if (account.revokes(jwt.getIssuedAtTime())) {
                throw ProblemException.unauthorized("This token has been revoked; sign in again.");
            }
            return AccountView.of(account);
        });
    }
}
