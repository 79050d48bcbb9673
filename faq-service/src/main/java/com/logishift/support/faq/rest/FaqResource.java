package com.logishift.support.faq.rest;

import com.logishift.support.faq.FaqCategory;
import com.logishift.support.faq.FaqConfig;
import com.logishift.support.faq.Language;
import com.logishift.support.faq.SearchText;
import com.logishift.support.kit.Ids;
import com.logishift.support.kit.Page;
import com.logishift.support.kit.PageRequest;
import com.logishift.support.kit.ProblemException;
import com.logishift.support.faq.service.FaqReadService;
import com.logishift.support.faq.service.VoteService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
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
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The FAQ as readers see it: anyone may browse and search, signed-in users may vote. */
@Path("/api/support/faq")
@Tag(name = "faq", description = "Browse and search published FAQ entries; vote on their helpfulness")
@Produces(MediaType.APPLICATION_JSON)
// a write runs to completion although its caller hangs up: never cut off halfway (service-kit README)
@Cancellable(false)
@RequiredArgsConstructor
public class FaqResource {

    private final FaqReadService reads;
    private final VoteService votes;
    private final FaqConfig config;
    private final JsonWebToken jwt;

    @GET
    @PermitAll
    @Operation(summary = "Published FAQ entries, optionally searched and filtered",
            description = "One entry per topic: its version in `lang`, or the English version when the topic has "
                    + "no published translation into `lang` (each item's `language` says which). Without `q`, "
                    + "entries come in editorial order; with `q`, best matches first. `q` is a full-text search "
                    + "stemmed in each entry's language (\"packages\" finds \"package\"): all words must match; "
                    + "when no entry contains them all, entries containing any of them are returned. "
                    + "\"Quoted phrases\", `or` and `-excluded` words work as on web search engines.")
    public Uni<Page<FaqEntryView>> list(
            @QueryParam("q") @Parameter(description = "search text, at most 200 characters") String q,
            @QueryParam("category") @Parameter(description = "one of DAMAGED, LOST, LATE, QUALITY, OTHER, SHIPPING, "
                    + "RETURNS, ACCOUNT, SUPPORT") String category,
            @QueryParam("lang") @Parameter(description = "ISO 639-1 language code or tag (en, de, fr, de-CH); "
                    + "default en") String lang,
            @Valid @BeanParam PageRequest page) {
        Optional<SearchText> search = searchText(q);
        Optional<FaqCategory> parsedCategory = category(category);
        String language = language(lang);
        return reads.list(search, parsedCategory, language, config.fallbackLanguage(), page.page(), page.size(),
                        page.offset())
                .map(result -> result.map(FaqEntryView::of));
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "One published FAQ entry",
            description = "With `translations`: the languages its topic is published in, and their entry ids.")
    public Uni<FaqEntryView> get(@PathParam("id") String id) {
        return reads.findPublished(Ids.parse("id", id))
                .map(found -> FaqEntryView.of(found.entry(), found.translations().stream()
                        .map(t -> new FaqEntryView.Translation(t.language(), t.id())).toList()));
    }

    @POST
    @Path("{id}/vote")
    @RolesAllowed({"customer", "agent", "admin"})
    @SecurityRequirement(name = "jwt")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Say whether an entry was helpful",
            description = "One vote per user and entry; voting again replaces the earlier vote. Returns the "
                    + "entry's counters after the vote.")
    public Uni<VoteView> vote(@PathParam("id") String id,
            @Valid @NotNull(message = "is required") VoteRequest request) {
        String voter = jwt.getSubject();
        if (voter == null || voter.isBlank()) {
            throw ProblemException.unauthorized("The token names no subject.");
        }
        return votes.vote(Ids.parse("id", id), voter, request.helpful())
                .map(t -> new VoteView(t.entryId(), t.helpful(), t.helpfulCount(), t.notHelpfulCount()));
    }

    private Optional<SearchText> searchText(String q) {
        String text = SearchText.normalize(q);
        if (SearchText.length(text) > config.maxQueryLength()) {
            throw ProblemException.invalidField("q", "must be at most " + config.maxQueryLength() + " characters");
        }
        return SearchText.of(text);
    }

    static Optional<FaqCategory> category(String category) {
        if (category == null || category.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(FaqCategory.parse(category).orElseThrow(
                () -> ProblemException.invalidField("category", "must be one of " + FaqCategory.names())));
    }

    private String language(String lang) {
        if (lang == null || lang.isBlank()) {
            return config.fallbackLanguage();
        }
        return Language.fromTag(lang).orElseThrow(() -> ProblemException.invalidField("lang",
                "must be a language code such as en, de or fr"));
    }
}
