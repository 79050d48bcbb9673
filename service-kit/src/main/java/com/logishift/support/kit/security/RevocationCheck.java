package com.logishift.support.kit.security;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Refuses (401) a valid token that {@link RevokedTokens} lists: a deactivated agent's. */
@ApplicationScoped
@IfBuildProperty(name = "support.revocations.enabled", stringValue = "true")
@RequiredArgsConstructor
public class RevocationCheck implements SecurityIdentityAugmentor {

    private final RevokedTokens revoked;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt
                && revoked.isRevoked(jwt.getSubject(), jwt.getIssuedAtTime())) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the token was revoked"));
        }
        return Uni.createFrom().item(identity);
    }
}
