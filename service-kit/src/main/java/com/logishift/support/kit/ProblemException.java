package com.logishift.support.kit;

import java.time.Duration;

/** Thrown by application code for any expected failure; mapped to problem+json as it is. */
public class ProblemException extends RuntimeException {

    private final Problem problem;
    private final Duration retryAfter;

    private ProblemException(Problem problem, Duration retryAfter) {
        super(problem.detail());
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    /** Any other expected failure: {@code slug} is the stable last segment of its type URI. */
    public static ProblemException of(int status, String slug, String title, String detail) {
        return new ProblemException(Problem.of(status, slug, title, detail), null);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", detail), null);
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.of(409, slug, "Conflict", detail), null);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "unauthorized", "Unauthorized", detail), null);
    }

    public static ProblemException forbidden(String slug, String detail) {
        return new ProblemException(Problem.of(403, slug, "Forbidden", detail), null);
    }

    public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
        return new ProblemException(Problem.of(429, "too-many-requests", "Too many requests", detail), retryAfter);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(Problem.invalid(field + ": " + message,
                java.util.List.of(new Problem.FieldError(field, message))), null);
    }

    public Problem problem() {
        return problem;
    }

    /** For 429 responses: when the client may try again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
