package com.logishift.support.gateway;

import com.logishift.support.kit.security.RevokedTokens;
import com.logishift.support.kit.security.VerifiedTokens;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies bearer tokens before anything reaches a service: RS256 signature against agent-service's
 * JWKS (cached by smallrye-jwt, refetched for an unknown key id), issuer, expiry and not-before.
 * Any other algorithm — {@code none}, or HS256 "signed" with the public key — is refused, and so is
 * the token of a deactivated agent (service-kit's {@link RevokedTokens}, as in the services).
 * <p>
 * A token that verified is remembered until it expires (service-kit's {@link VerifiedTokens}, as in
 * the services), so a client's next requests skip the RSA check and the hop to a worker thread.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class EdgeAuthenticator {

    /** Bounds memory: at most this many tokens are remembered. */
    static final int MAX_REMEMBERED = 50_000;

    private final JWTParser parser;
    private final Vertx vertx;
    private final RevokedTokens revoked;
    private final VerifiedTokens<Verified> verified = VerifiedTokens.system(MAX_REMEMBERED, Verified::expiresAtSeconds);

    /** What a verified token said. */
    record Verified(String subject, long issuedAtSeconds, long expiresAtSeconds) {
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
        Optional<Verified> known = verified.get(token);
        if (known.isPresent()) {
            // checked on every request: a deactivation must reach remembered tokens too
            return Future.succeededFuture(revoked.isRevoked(known.get().subject(), known.get().issuedAtSeconds())
                    ? Optional.empty() : Optional.of(known.get().subject()));
        }
        // fetching the key set on first use (or for a new key id) blocks: keep it off the event loop
        return vertx.executeBlocking(() -> {
            try {
                JsonWebToken jwt = parser.parse(token);
                verified.remember(token, new Verified(jwt.getSubject(), jwt.getIssuedAtTime(),
                        jwt.getExpirationTime()));
                return revoked.isRevoked(jwt.getSubject(), jwt.getIssuedAtTime())
                        ? Optional.<String>empty() : Optional.ofNullable(jwt.getSubject());
            } catch (ParseException e) {
                return Optional.<String>empty();
            }
        }, false);
    }
}
