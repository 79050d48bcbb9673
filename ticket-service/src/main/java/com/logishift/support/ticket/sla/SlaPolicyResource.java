package com.logishift.support.ticket.sla;

import com.logishift.support.ticket.rest.CurrentActor;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import lombok.RequiredArgsConstructor;
import org.jboss.resteasy.reactive.server.Cancellable;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The SLA policy: business hours, holidays and targets; versioned, changed by admins. */
@Path("/api/admin/sla/policy")
@Tag(name = "sla")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Cancellable(false) // an admin hanging up mid-PUT must not abort its transaction halfway
@RequiredArgsConstructor
public class SlaPolicyResource {

    /** The policy as the API shows it. */
    public record PolicyView(String timeZone, List<SlaPolicyDocument.Hours> businessHours, List<String> holidays,
            Map<String, SlaPolicyDocument.Target> targets, int version, Instant updatedAt) {

        static PolicyView of(SlaPolicy policy) {
            SlaPolicyDocument d = policy.document();
            return new PolicyView(d.timeZone(), d.businessHours(), d.holidays(), d.targets(), policy.version(),
                    policy.updatedAt());
        }
    }

    private final SlaPolicies policies;
    private final CurrentActor caller;

    @GET
    @RolesAllowed({"agent", "admin"})
    @Operation(summary = "The current SLA policy", description = "Applies to tickets created since `updatedAt`; "
            + "older tickets keep the version they were created under.")
    public Uni<PolicyView> get() {
        return policies.current().map(PolicyView::of);
    }

    @PUT
    @RolesAllowed("admin")
    @Operation(summary = "Replace the SLA policy", description = "Send the whole policy with the `version` you read: "
            + "the answer is the new version (version + 1); a stale version is 409 version-conflict. timeZone an "
            + "IANA id; businessHours [{day MONDAY..SUNDAY, start HH:mm, end HH:mm or 24:00}], not overlapping, at "
            + "least one; holidays up to 366 distinct dates; targets for HIGH, MEDIUM and LOW, 1-525600 minutes, "
            + "resolution not shorter than first response.")
    public Uni<PolicyView> put(@NotNull(message = "is required") SlaPolicyDocument request) {
        return policies.replace(caller.get(), request).map(PolicyView::of);
    }
}
