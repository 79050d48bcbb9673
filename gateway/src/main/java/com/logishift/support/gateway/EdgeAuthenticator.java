package com.logishift.support.gateway;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies bearer tokens before anything reaches a service: RS256 signature against agent-service's
 * JWKS (cached by smallrye-jwt, refetched for an unknown key id), issuer, expiry and not-before.
 * Any other algorithm — {@code none}, or HS256 "signed" with the public key — is refused, and so is
 * the token of a deactivated agent ({@link RevokedTokens}).
 * <p>
 * A token that verified is remembered until it expires, so a client's next requests skip the RSA
 * check and the hop to a worker thread; the services behind still verify every request themselves.
 */
@ApplicationScoped
public class EdgeAuthenticator {

    /** Bounds memory: past this many remembered tokens the cache starts over. */
    static final int MAX_REMEMBERED = 50_000;

    private final JWTParser parser;
    private final Vertx vertx;
    private final RevokedTokens revoked;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public EdgeAuthenticator(JWTParser parser, Vertx vertx, RevokedTokens revoked) {
        this.parser = parser;
        this.vertx = vertx;
        this.revoked = revoked;
    }

    /** The subject of a token that verified. */
    private record Verified(String subject, long issuedAtSeconds, long expiresAtSeconds) {
    }

    /** The token's subject (account id), or empty when the token is missing or invalid. */
    public Future<Optional<String>> verify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Future.succeededFuture(Optional.empty());
        }
        String token = authorization.substring(7).strip();
        if (token.isEmpty() || token.length() > 8192) {
            return Future.succeededFuture(Optional.empty());
        }
        long now = System.currentTimeMillis() / 1000;
        Verified known = verified.get(token);
        if (known != null) {
            if (known.expiresAtSeconds() > now) {
                // checked on every request: a deactivation must reach remembered tokens too
                return Future.succeededFuture(revoked.isRevoked(known.subject(), known.issuedAtSeconds())
                        ? Optional.empty() : Optional.of(known.subject()));
            }
            verified.remove(token);
        }
        // fetching the key set on first use (or for a new key id) blocks: keep it off the event loop
        return vertx.executeBlocking(() -> {
            try {
                JsonWebToken jwt = parser.parse(token);
                if (verified.size() >= MAX_REMEMBERED) {
                    verified.clear();
                }
                verified.put(token, new Verified(jwt.getSubject(), jwt.getIssuedAtTime(), jwt.getExpirationTime()));
                return revoked.isRevoked(jwt.getSubject(), jwt.getIssuedAtTime())
                        ? Optional.<String>empty() : Optional.ofNullable(jwt.getSubject());
            } catch (ParseException e) {
                return Optional.<String>empty();
            }
        }, false);
    }
}
