package se.kasam.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Access tokens from the real Keycloak: the HR system's client credentials, or a demo user's password. */
public final class KeycloakTokens {
    public static final String HR_CLIENT = "kasam-hr-integration";
    public static final String HR_SECRET = "kasam-hr-integration-secret";
    public static final String CLI_CLIENT = "kasam-cli";
    public static final String DEMO_PASSWORD = "kasam";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tokenUrl;

    public KeycloakTokens(String keycloakUrl) {
        this.tokenUrl = keycloakUrl + "/realms/kasam/protocol/openid-connect/token";
    }

    public String hrIntegration() {
        return request(Map.of("grant_type", "client_credentials", "client_id", HR_CLIENT, "client_secret", HR_SECRET));
    }

    public String user(String username) {
        return request(Map.of("grant_type", "password", "client_id", CLI_CLIENT, "username", username,
                "password", DEMO_PASSWORD, "scope", "openid"));
    }

    private String request(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token: " + response.statusCode() + " " + response.body());
            }
            JsonNode token = JSON.readTree(response.body());
            return token.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak not reachable at " + tokenUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
