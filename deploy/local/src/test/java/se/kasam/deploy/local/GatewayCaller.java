package se.kasam.deploy.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One caller of the gateway in the system tests that call it with plain HTTP (the role matrix, the fuzzer): a
 * column's token, fetched once and again before it expires, and calls that wait out the rate limit.
 */
final class GatewayCaller {
    private static final ObjectMapper JSON = new ObjectMapper();
    /*
     * The gateway limits each caller (token subject and client) to a burst of 200 calls, then 100 a second
     * (gateway/src/main/resources/application.properties; LocalStack passes kasam.gateway.* system properties on, the
     * system tests set none). A 429 is waited out (Retry-After, at most 5 s a time, at most 5 times) rather than
     * reported; a 429 left after that is a finding.
     */
    private static final int MAX_429_RETRIES = 5;
    /** The realm's access tokens live 300 s: one is fetched again when less than this is left of it. */
    private static final long TOKEN_MARGIN_SECONDS = 30;

    static HttpResponse<String> send(HttpClient http, String gatewayUrl, ApiDocument.Probe probe, Optional<String> bearer)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + probe.pathAndQuery()))
                .timeout(Duration.ofSeconds(60));
        probe.headers().forEach(request::header);
        bearer.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        if (probe.contentType() != null) {
            request.header("Content-Type", probe.contentType());
        }
        request.method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(probe.body(), StandardCharsets.UTF_8));
        HttpRequest built = request.build();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 429 || attempt >= MAX_429_RETRIES) {
                return response;
            }
            long wait = response.headers().firstValue("Retry-After").map(GatewayCaller::seconds).orElse(1L);
            Thread.sleep(Duration.ofSeconds(Math.clamp(wait, 1, 5)));
        }
    }

    private static long seconds(String retryAfter) {
        try {
            return Long.parseLong(retryAfter.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static GatewayCaller forColumn(String column, KeycloakTokens tokens) {
        if (column.equals("no-token")) {
            return new GatewayCaller(null);
        }
        if (column.equals("hr-integration")) {
            return new GatewayCaller(tokens::hrIntegration);
        }
        String user = RoleMatrix.DEMO_USERS.get(column);
        if (user == null) {
            throw new IllegalStateException("no demo user for column " + column);
        }
        return new GatewayCaller(() -> tokens.user(user));
    }


    private final Supplier<String> fetch;
    private String token;
    private long expiresAt;

    GatewayCaller(Supplier<String> fetch) {
        this.fetch = fetch;
    }

    synchronized Optional<String> bearer() {
        if (fetch == null) {
            return Optional.empty();
        }
        if (token == null || System.currentTimeMillis() / 1000 >= expiresAt - TOKEN_MARGIN_SECONDS) {
            token = fetch.get();
            expiresAt = expiry(token);
        }
        return Optional.of(token);
    }

    private static long expiry(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).path("exp").asLong(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
    }
