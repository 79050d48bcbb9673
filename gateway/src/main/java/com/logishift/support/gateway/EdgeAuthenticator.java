package com.logishift.support.gateway;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies bearer tokens before anything reaches a service: RS256 signature against agent-service's
 * JWKS (cached by smallrye-jwt, refetched for an unknown key id), issuer, expiry and not-before.
 * Any other algorithm — {@code none}, or HS256 "signed" with the public key — is refused.
 */
@ApplicationScoped
public class EdgeAuthenticator {

    private final JWTParser parser;
    private final Vertx vertx;

    public EdgeAuthenticator(JWTParser parser, Vertx vertx) {
        this.parser = parser;
        this.vertx = vertx;
    }

    /** The verified token, or empty when it is missing or invalid. */
    public Future<Optional<JsonWebToken>> verify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Future.succeededFuture(Optional.empty());
        }
        String token = authorization.substring(7).strip();
        if (token.isEmpty() || token.length() > 8192) {
            return Future.succeededFuture(Optional.empty());
        }
        // fetching the key set on first use (or for a new key id) blocks: keep it off the event loop
        return vertx.executeBlocking(() -> {
            try {
                return Optional.of(parser.parse(token));
            } catch (ParseException e) {
                return Optional.<JsonWebToken>empty();
            }
        }, false);
    }
}
