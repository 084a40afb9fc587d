package se.kasam.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Turns {@link OpenApiValidation} on for every {@code @QuarkusTest} of a module that has platform-test (registered
 * through META-INF/services): the app's own document, or the one {@code kasam.test.openapi-document} names.
 */
public class OpenApiValidationCallback implements QuarkusTestBeforeEachCallback {
    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        OpenApiValidation.install(ConfigProvider.getConfig()
                .getOptionalValue("kasam.test.openapi-document", String.class).orElse("/q/openapi?format=json"));
    }
}
