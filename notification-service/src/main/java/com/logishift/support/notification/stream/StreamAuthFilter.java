package com.logishift.support.notification.stream;

import com.logishift.support.kit.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * For the live stream only: a request without an Authorization header may present a one-time
 * {@code ?ticket=} instead (see {@link StreamTickets}). A valid ticket names the account for the
 * resource; an invalid or used one is a 401 before any stream is opened.
 */
public class StreamAuthFilter {

    public static final String ACCOUNT = "logishift.stream.account";
    private static final String STREAM_PATH = "/api/notifications/stream";

    private final StreamTickets tickets;

    public StreamAuthFilter(StreamTickets tickets) {
        this.tickets = tickets;
    }

    @ServerRequestFilter
    public Uni<Response> redeemStreamTicket(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!(path.equals(STREAM_PATH) || path.equals(STREAM_PATH + "/"))
                || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return Uni.createFrom().nullItem();
        }
        String ticket = request.getUriInfo().getQueryParameters().getFirst("ticket");
        return tickets.redeem(ticket).map(account -> {
            if (account.isPresent()) {
                request.setProperty(ACCOUNT, account.get());
                return null;
            }
            return Response.status(401).type(Problem.MEDIA_TYPE)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .entity(Problem.of(401, "unauthorized", "Unauthorized",
                            "Open the stream with a bearer token or a fresh one-time ticket "
                                    + "from POST /api/notifications/stream-ticket/.").at(path))
                    .build();
        });
    }
}
