package com.logishift.support.agent.token;

import com.logishift.support.agent.account.service.AccountService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The revoked tokens, polled by the gateway and every service: a token whose {@code sub} is listed
 * and whose {@code iat} is not after {@code tokensValidAfter} is refused. Internal: the gateway
 * does not route {@code /internal}, so only what reaches this port directly can read it.
 */
@Path("/internal/revocations")
@Tag(name = "internal")
@RequiredArgsConstructor
public class RevocationResource {

    private final AccountService accounts;

    public record Revocation(UUID accountId, Instant tokensValidAfter) {
    }

    public record Revocations(List<Revocation> items) {
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accounts whose tokens issued up to an instant are refused (deactivated agents)")
    public Uni<Revocations> revocations() {
        return accounts.revocations().map(list -> new Revocations(list.stream()
                .map(a -> new Revocation(a.id, a.tokensValidAfter)).toList()));
    }
}
