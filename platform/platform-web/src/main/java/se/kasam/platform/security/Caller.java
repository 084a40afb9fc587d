package se.kasam.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the token's subject, roles and the employee the login belongs to, if any. */
@RequestScoped
public class Caller {
    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The caller's own token as an Authorization header, for a call made on their behalf (the evaluation's). */
    public String bearer() {
        return "Bearer " + token.getRawToken();
    }

    public Optional<String> employeeNumber() {
        return Optional.ofNullable(token.<Object>getClaim(Roles.EMPLOYEE_NUMBER_CLAIM))
                .map(Object::toString)
                .map(String::strip)
                .filter(s -> !s.isEmpty());
    }
}
