package com.logishift.support.ticket.attachment;

import com.logishift.support.kit.Ids;
import com.logishift.support.kit.ProblemException;
import com.logishift.support.ticket.rest.CurrentActor;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * POST /api/support/attachments (multipart/form-data, one file part named {@code file}) and
 * GET /api/support/attachments/{id}. This is the service's upload path (support.http.upload-path): the
 * only one whose body may exceed 64 KiB.
 */
@Path("/api/support/attachments")
@Tag(name = "attachments")
@SecurityRequirement(name = "jwt")
// a write runs to completion although its caller hangs up: never cut off halfway (service-kit README)
@Cancellable(false)
@RequiredArgsConstructor
public class AttachmentResource {

    static final String FIELD = "file";

    private final Attachments attachments;
    private final CurrentActor caller;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"customer", "agent", "admin"})
    @Blocking // reads the file, sniffs its type and waits for the malware scanner
    @Operation(summary = "Upload a file to attach within the next hour",
            description = "multipart/form-data with one file part named `file`. The type is judged by the bytes "
                    + "(JPEG, PNG, WebP, GIF, HEIC, PDF, UTF-8 plain text, CSV by default; else 415); at most "
                    + "10 MiB (413); refused when the malware scanner flags it (422) or cannot be reached (503). "
                    + "Use the id in `attachmentIds` of a new ticket or message within an hour; until then only "
                    + "the uploader can read it.")
    @APIResponse(responseCode = "201", description = "{id, filename, contentType, size, sha256}")
    public Uni<Response> upload(@RestForm(FileUpload.ALL) List<FileUpload> files) {
        if (files == null || files.isEmpty()) {
            throw ProblemException.invalidField(FIELD, "is required: send the file as a multipart file part named file");
        }
        if (files.size() > 1 || !FIELD.equals(files.get(0).name())) {
            throw ProblemException.invalidField(FIELD, "send exactly one file, as a part named file");
        }
        FileUpload file = files.get(0);
        byte[] content;
        try {
            content = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return attachments.upload(caller.get(), file.fileName(), content).map(uploaded -> Response
                .status(Response.Status.CREATED)
                // relative: the gateway's public address is not known here
                .header(HttpHeaders.LOCATION, "/api/support/attachments/" + uploaded.id() + "/")
                .type(MediaType.APPLICATION_JSON)
                .entity(uploaded).build());
    }

    /** Anything but multipart: say how to send a file, rather than the generic "send JSON". */
    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"customer", "agent", "admin"})
    @Operation(hidden = true)
    public Response notMultipart() {
        throw ProblemException.of(415, "unsupported-media-type", "Unsupported media type",
                "Send the file as multipart/form-data, in a part named file.");
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({"customer", "agent", "admin"})
    @Operation(summary = "The bytes of a file",
            description = "For its uploader until it is attached; then for whoever may read the ticket (files of "
                    + "internal messages: agents and admins only). Anyone else gets 404. Served with nosniff, "
                    + "a sandboxing Content-Security-Policy, and as a download except for JPEG, PNG, WebP and GIF.")
    public Uni<Response> download(@PathParam("id") String id) {
        return attachments.download(caller.get(), Ids.parse("id", id)).map(file -> Response.ok(file.content())
                .header(HttpHeaders.CONTENT_TYPE, file.contentType().startsWith("text/")
                        ? file.contentType() + "; charset=utf-8" : file.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        Filenames.contentDisposition(FileTypes.isInline(file.contentType()), file.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private")
                .build());
    }
}
