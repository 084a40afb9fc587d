package se.kasam.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import se.kasam.gateway.config.GatewayConfig;

/** What the gateway asks of the services themselves: their readiness and their OpenAPI documents. */
@ApplicationScoped
public class Upstreams {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Map<String, Cached> documents = new ConcurrentHashMap<>();

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper json;

    /** Service key to whether it answers its readiness probe with UP. */
    public Map<String, Boolean> readiness() {
        Map<String, Boolean> ready = new TreeMap<>();
        config.routes().forEach((service, url) -> ready.put(service, get(url.resolve("/q/health/ready")).isPresent()));
        return ready;
    }

    /** The services' documents; one that cannot be fetched now is served from its last copy, or left out. */
    public Map<String, JsonNode> openApiDocuments() {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        new TreeMap<>(config.routes()).forEach((service, url) -> {
            Cached cached = documents.get(service);
            if (cached == null || cached.fetched.plus(config.openapiCacheTtl()).isBefore(Instant.now())) {
                Optional<JsonNode> fresh = get(url.resolve("/q/openapi?format=json")).flatMap(this::parse);
                if (fresh.isPresent()) {
                    cached = new Cached(fresh.get(), Instant.now());
                    documents.put(service, cached);
                }
            }
            if (cached != null) {
                result.put(service, cached.document);
            }
        });
        return result;
    }

    private Optional<String> get(URI uri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Optional<JsonNode> parse(String body) {
        try {
            return Optional.of(json.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private record Cached(JsonNode document, Instant fetched) {
    }
}
