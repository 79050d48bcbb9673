package com.logishift.support.notification.mail;

import com.logishift.support.notification.service.Preferences;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * One-click unsubscribe (RFC 8058) from the link every mail carries, without signing in: the signed
 * token names the person and the kind. POST switches that kind's e-mail off (what a mail client's
 * "unsubscribe" button sends, {@code List-Unsubscribe=One-Click}); GET only shows a page with the
 * button, since link scanners and prefetchers follow GETs without anyone asking for it.
 */
@Path("/api/notifications/unsubscribe")
@Tag(name = "notifications")
@PermitAll
// a write runs to completion although its caller hangs up: never cut off halfway (service-kit README)
@Cancellable(false)
@RequiredArgsConstructor
public class UnsubscribeResource {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>logiShift Support</title></head>
            <body style="font-family: sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem">
            <h1>logiShift Support</h1>
            %s
            </body></html>
            """;

    private static final String DONE = """
            <p>Done: no more e-mails about %s.<br><span lang="de">Erledigt: keine E-Mails mehr über %s.</span></p>""";

    private final UnsubscribeTokens tokens;
    private final Preferences preferences;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A page asking to confirm the unsubscribe (changes nothing)",
            description = "The link in every mail's footer and List-Unsubscribe header. A forged or damaged token is 400.")
    public String confirm(@QueryParam("token") String token) {
        MailKind kind = tokens.verify(token).kind();
        return PAGE.formatted("""
                <p>Stop e-mails about %s?<br><span lang="de">Keine E-Mails mehr über %s?</span></p>
                <form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">
                <button type="submit">Unsubscribe / Abmelden</button></form>
                <p>You can switch them on again under Preferences after signing in.</p>""".formatted(
                kind.english, kind.german));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "One-click unsubscribe (RFC 8058): e-mail of the token's kind off for its person",
            description = "No sign-in: the signed token is the proof. The body (List-Unsubscribe=One-Click) is not "
                    + "needed. Answers {kind, email:false}, or a short page for a browser. Repeating it is harmless.")
    public Uni<Response> unsubscribe(@QueryParam("token") String token, @Context HttpHeaders headers) {
        UnsubscribeTokens.Subject subject = tokens.verify(token);
        boolean page = !headers.getAcceptableMediaTypes().isEmpty()
                && headers.getAcceptableMediaTypes().get(0).isCompatible(MediaType.TEXT_HTML_TYPE)
                && !headers.getAcceptableMediaTypes().get(0).isWildcardType();
        return preferences.stopMail(subject.accountId(), subject.kind().type).map(ignored -> page
                ? Response.ok(PAGE.formatted(DONE.formatted(subject.kind().english, subject.kind().german)),
                        MediaType.TEXT_HTML_TYPE).build()
                : Response.ok(Map.of("kind", subject.kind().type, "email", false), MediaType.APPLICATION_JSON_TYPE)
                        .build());
    }
}
