package se.kasam.survey.rules;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudonym that pairs one person's answers across rounds: HMAC-SHA256 of the employee number under a secret
 * the survey database does not hold, so the database alone cannot tell whose answers they are.
 */
public final class Pseudonym {
    static final int MIN_SECRET = 32;
    private final SecretKeySpec key;

    public Pseudonym(String secret) {
        if (secret == null || secret.length() < MIN_SECRET) {
            throw new IllegalArgumentException("the pseudonym secret needs at least " + MIN_SECRET + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(String employeeNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(employeeNumber.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
