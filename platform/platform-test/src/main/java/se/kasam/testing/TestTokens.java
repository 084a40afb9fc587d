package se.kasam.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Signed bearer tokens shaped like Keycloak's (realm_access.roles, employee_number, audience kasam-api), for
 * services tested against Quarkus's test OIDC server ({@code OidcWiremockTestResource}), whose key signs them.
 */
public final class TestTokens {
    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "kasam-api";

    private TestTokens() {
    }

    public static String of(String user, String role) {
        return of(user, role, null);
    }

    public static String of(String user, String role, String employeeNumber) {
        return sign(claims(user, List.of(role), employeeNumber));
    }

    public static String withRoles(String user, List<String> roles, String employeeNumber) {
        return sign(claims(user, roles, employeeNumber));
    }

    public static String expired(String user, String role) {
        return sign(claims(user, List.of(role), null).issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)));
    }

    public static String signedByAnotherKey(String user, String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return claims(user, List.of(role), null).jws().keyId("1").sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String forAudience(String user, String role, String audience) {
        return sign(claims(user, List.of(role), null).audience(audience));
    }

    private static JwtClaimsBuilder claims(String user, List<String> roles, String employeeNumber) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(user)
                .preferredUserName(user)
                .claim("realm_access", Map.of("roles", roles))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(600));
        if (employeeNumber != null) {
            claims.claim("employee_number", employeeNumber);
        }
        return claims;
    }

    private static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId("1").sign("privateKey.jwk");
    }
}
