package se.kasam.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport.Level;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks every response a test receives against the OpenAPI document of the app that answered it (Atlassian's
 * swagger-request-validator): an undocumented status, a body that does not match its schema or a wrong content type
 * fails the test. Requests are not checked, since tests send bad ones on purpose; a path or method the document does
 * not have is let through (404 and 405 tests), and so are the framework's own /q/ endpoints.
 * <p>
 * {@code @QuarkusTest}s get it through {@link OpenApiValidationCallback}; other tests (the system tests against the
 * gateway's merged document) call {@link #install(String)} with the document's URL.
 */
public final class OpenApiValidation implements Filter {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Map<String, Filter> VALIDATORS = new ConcurrentHashMap<>();

    private final String document;

    private OpenApiValidation(String document) {
        this.document = document;
    }

    /**
     * Adds the validation to every REST Assured request of this JVM, once.
     *
     * @param document the OpenAPI document: an absolute URL, or a path (with query) on the host each request goes to
     */
    public static void install(String document) {
        boolean installed = RestAssured.filters().stream()
                .anyMatch(f -> f instanceof OpenApiValidation v && v.document.equals(document));
        if (!installed) {
            RestAssured.filters(new OpenApiValidation(document));
        }
    }

    /** Reads an OpenAPI document as the frontend's generators would, failing on any message of the parser. */
    public static SwaggerParseResult parse(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(json, null, options);
        List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
        if (result.getOpenAPI() == null || !messages.isEmpty()) {
            throw new AssertionError("the OpenAPI document does not parse cleanly: " + messages);
        }
        return result;
    }

    /** The document's text, fetched once per URL. */
    public static String fetch(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI document at " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        URI uri = URI.create(request.getURI());
        if (uri.getPath().startsWith("/q/") || URI.create(document).getPath().equals(uri.getPath())) {
            return context.next(request, response);
        }
        String url = document.contains("://") ? document
                : uri.getScheme() + "://" + uri.getAuthority() + document;
        return VALIDATORS.computeIfAbsent(url, OpenApiValidation::validator).filter(request, response, context);
    }

    private static Filter validator(String url) {
        String json = fetch(url);
        parse(json);
        LevelResolver levels = LevelResolver.create()
                .withLevel("validation.request", Level.IGNORE)
                .withLevel("validation.response", Level.ERROR)
                .build();
        return new OpenApiValidationFilter(OpenApiInteractionValidator.createForInlineApiSpecification(json)
                .withLevelResolver(levels).build());
    }
}
