package com.logishift.support.faq.rest;

import com.logishift.support.faq.Language;
import com.logishift.support.kit.Ids;
import com.logishift.support.kit.Page;
import com.logishift.support.kit.PageRequest;
import com.logishift.support.kit.ProblemException;
import com.logishift.support.faq.service.FaqAdminService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Admins write the FAQ: drafts, translations, publishing, deleting. Every other role gets 403. */
@Path("/api/admin/faq")
@Tag(name = "faq-admin", description = "Manage FAQ entries and their translations (admins only)")
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
// a write runs to completion although its caller hangs up: never cut off halfway (service-kit README)
@Cancellable(false)
@RequiredArgsConstructor
public class AdminFaqResource {

    private static final String TOPIC_RULES = " Entries with the same `topicKey` are translations of one topic "
            + "(one per language); `category` and `order` belong to the topic, so writing them here changes them "
            + "on every translation of the topic.";

    private final FaqAdminService admin;

    @GET
    @Operation(summary = "All FAQ entries, drafts included",
            description = "In list order, then by topic and language. Every filter is exact (no language fallback).")
    public Uni<Page<AdminFaqEntryView>> list(
            @QueryParam("lang") @Parameter(description = "two-letter language code") String lang,
            @QueryParam("category") String category,
            @QueryParam("published") @Parameter(description = "true: published only; false: drafts only") String published,
            @QueryParam("topicKey") @Parameter(description = "all translations of one topic") String topicKey,
            @Valid @BeanParam PageRequest page) {
        return admin.list(language(lang), FaqResource.category(category), published(published),
                        Optional.ofNullable(topicKey).map(String::strip).filter(k -> !k.isEmpty()), page.page(), page.size())
                .map(result -> result.map(AdminFaqEntryView::of));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One FAQ entry, draft or published")
    public Uni<AdminFaqEntryView> get(@PathParam("id") String id) {
        return admin.find(Ids.parse("id", id)).map(AdminFaqEntryView::of);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an FAQ entry", description = "A draft unless `published` is true. 409 when the topic "
            + "already has a version in this language." + TOPIC_RULES)
    @APIResponse(responseCode = "201", description = "created; Location names the new entry")
    public Uni<Response> create(@Valid @NotNull(message = "is required") FaqEntryRequest request, UriInfo uri) {
        return admin.create(request.draft()).map(entry -> Response
                .created(uri.getBaseUriBuilder().path("api/admin/faq/{id}/").build(entry.id))
                .entity(AdminFaqEntryView.of(entry)).build());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an FAQ entry",
            description = "Absent `published` and `order` keep their values. Send the `version` you edited to get "
                    + "409 instead of overwriting a change someone else saved in between." + TOPIC_RULES)
    public Uni<AdminFaqEntryView> update(@PathParam("id") String id,
            @Valid @NotNull(message = "is required") FaqEntryRequest request) {
        return admin.update(Ids.parse("id", id), request.draft()).map(AdminFaqEntryView::of);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an FAQ entry and its votes", description = "Its translations stay.")
    @APIResponse(responseCode = "204", description = "deleted")
    public Uni<Void> delete(@PathParam("id") String id) {
        return admin.delete(Ids.parse("id", id));
    }

    private static Optional<String> language(String lang) {
        if (lang == null || lang.isBlank()) {
            return Optional.empty();
        }
        String code = lang.strip().toLowerCase(Locale.ROOT);
        if (!Language.isCode(code)) {
            throw ProblemException.invalidField("lang", "must be a two-letter language code such as en, de or fr");
        }
        return Optional.of(code);
    }

    private static Optional<Boolean> published(String published) {
        if (published == null || published.isBlank()) {
            return Optional.empty();
        }
        return switch (published.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw ProblemException.invalidField("published", "must be true or false");
        };
    }
}
