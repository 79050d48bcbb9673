package com.logishift.support.ticket.rest;

import com.logishift.support.kit.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A 409 problem document with one extension member the kit's {@link Problem} has no field for
 * ({@code followUpOf} of ticket-closed, {@code reason} of merge-not-allowed).
 */
public final class ConflictProblem {

    private ConflictProblem() {
    }

    public static Response of(String type, String detail, UriInfo uri, String member, String value) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", "Conflict");
        problem.put("status", 409);
        problem.put("detail", detail);
        problem.put("instance", uri.getPath());
        problem.put(member, value);
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
