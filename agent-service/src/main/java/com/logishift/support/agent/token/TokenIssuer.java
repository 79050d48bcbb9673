package com.logishift.support.agent.token;

import com.logishift.support.agent.SupportConfig;
import com.logishift.support.agent.account.Account;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/** Issues the RS256 access tokens every service verifies. */
@ApplicationScoped
@RequiredArgsConstructor
public class TokenIssuer {

    private final SigningKeys keys;
    private final SupportConfig config;

    public IssuedToken issue(Account account, Instant now) {
        Instant expiresAt = now.plus(config.jwt().lifetime());
        String token = Jwt.issuer(config.jwt().issuer())
                .subject(account.id.toString())
                .upn(account.email)
                .groups(Set.of(account.role.group()))
                .claim("email", account.email)
                .claim("name", account.name)
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim("jti", UUID.randomUUID().toString())
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(keys.keyId())
                .sign(keys.privateKey());
        return new IssuedToken(token, config.jwt().lifetime().toSeconds());
    }

    public record IssuedToken(String value, long expiresInSeconds) {
    }
}
