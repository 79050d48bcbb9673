package com.logishift.support.kit.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The services' token parser (it replaces smallrye-jwt's): a token that verified is remembered until
 * its {@code exp} ({@link VerifiedTokens}), so a client's next requests skip the signature check,
 * which profiling showed among the costliest steps of a request. Only the check of signature,
 * issuer and expiry is skipped: the revocation list ({@link RevocationCheck}) still judges the
 * identity of every request, cached token or not. Past its {@code exp} a token is verified again
 * (and so refused once past the configured clock skew).
 */
@Alternative
@Priority(1)
@Singleton // no client proxy: it has no no-args constructor
public class CachingJwtParser extends DefaultJWTParser {

    /** env SUPPORT_JWT_CACHE_MAX_SIZE */
    @ConfigMapping(prefix = "support.jwt.cache")
    public interface Config {
        /** At most this many verified tokens are remembered (about 1–2 KB each); 0 = none. */
        @WithDefault("10000")
        long maxSize();
    }

    private final VerifiedTokens<JsonWebToken> verified;

    @Inject
    public CachingJwtParser(Config config) {
        this.verified = VerifiedTokens.system(config.maxSize(), JsonWebToken::getExpirationTime);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.get(token).orElse(null);
        if (known != null) {
            return known;
        }
        JsonWebToken jwt = super.parse(token);
        verified.remember(token, jwt);
        return jwt;
    }

    /** Whether this token is remembered now (verified, not expired, not pushed out). */
    public boolean remembers(String token) {
        return verified.get(token).isPresent();
    }
}
