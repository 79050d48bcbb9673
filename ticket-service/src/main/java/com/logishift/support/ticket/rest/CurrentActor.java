package com.logishift.support.ticket.rest;

import com.logishift.support.ticket.Actor;
import com.logishift.support.ticket.Role;
import com.logishift.support.kit.Ids;
import com.logishift.support.kit.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller, from the token smallrye-jwt has already verified (signature, issuer, expiry). */
@RequestScoped
@RequiredArgsConstructor
public class CurrentActor {

    private final JsonWebToken jwt;

    public Actor get() {
        Role role = Role.fromGroups(jwt.getGroups())
                .orElseThrow(() -> ProblemException.forbidden("no-role", "The token carries no support role."));
        return new Actor(Ids.parse("sub", jwt.getSubject()), role, jwt.getClaim("name"), jwt.getClaim("email"));
    }
}
