package com.logishift.support.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where failures become {@code application/problem+json} responses. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = respond(e.problem(), uri);
        if (e.retryAfter() != null) {
            // round up: a client waiting the advertised time must not be refused again
            long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
            response.header(HttpHeaders.RETRY_AFTER, seconds);
        }
        if (e.problem().status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message())
                .collect(Collectors.joining("; "));
        return respond(Problem.invalid(detail, errors), uri).build();
    }

    /** Declared for the subtype too: Quarkus ships its own, more specific mapper for it. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        if (field.isEmpty()) {
            return respond(Problem.invalid("The request body is not valid JSON.",
                    List.of(new Problem.FieldError("body", "is not valid JSON"))), uri).build();
        }
        String message = "has an invalid value";
        if (e instanceof RequestJson.InvalidText text) {
            message = text.reason();
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = expected(mismatch.getTargetType());
        }
        return respond(Problem.invalid(field + " " + message,
                List.of(new Problem.FieldError(field, message))), uri).build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return respond(Problem.of(401, "unauthorized", "Unauthorized",
                "A valid bearer token is required."), uri)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "forbidden", "Forbidden",
                "Your role may not use this endpoint."), uri).build();
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public Response concurrentUpdate(RuntimeException e, UriInfo uri) {
        return respond(Problem.of(409, "concurrent-update", "Conflict",
                "Someone else changed this resource at the same time; reload and try again."), uri).build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at this path.";
            case 405 -> "This path does not accept that method.";
            case 415 -> "Send the request body as application/json.";
            case 406 -> "This endpoint answers with application/json.";
            case 413 -> "The request body is too large.";
            default -> title;
        };
        return respond(Problem.of(status, slug(title), title, detail), uri).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (e instanceof DomainProblem domain) {
            // a service's own rule refused the request: expected, no log
            Response.Status known = Response.Status.fromStatusCode(domain.status());
            String title = known == null ? "HTTP " + domain.status() : known.getReasonPhrase();
            return respond(Problem.of(domain.status(), domain.slug(), title, domain.getMessage()), uri).build();
        }
        if (ClientFailures.isClientFailure(e)) {
            // the client went away or sent something unreadable: nothing for an operator to fix
            LOG.debugf("Request %s ended by the client: %s", uri.getPath(), e);
            return respond(Problem.of(400, "unreadable-request", "Bad request",
                    "The request could not be read completely."), uri).build();
        }
        // never leak internals: log with a reference the operator can find, answer with the reference only
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, reference %s", reference);
        return respond(Problem.of(500, "internal-error", "Internal error",
                "Something went wrong on our side (reference " + reference + ")."), uri).build();
    }

    private static Response.ResponseBuilder respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.at(uri.getPath()));
    }

    /** The last bean property or parameter name of a violation: "email", "size", "reason". */
    private static String fieldName(ConstraintViolation<?> violation) {
        String name = "body";
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PROPERTY, PARAMETER -> name = node.getName();
                default -> { }
            }
        }
        // a @Valid request body parameter is named after the Java parameter; call it what clients send
        return "request".equals(name) ? "body" : name;
    }

    /** What a field of this type accepts, for a JSON value of another type. */
    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "must be a whole number";
        }
        return "has an invalid value";
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
