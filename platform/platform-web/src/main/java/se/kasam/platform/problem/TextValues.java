package se.kasam.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Text a request may carry: no U+0000, which PostgreSQL cannot store in text (it would fail the statement, deep
 * inside a transaction, as a 500). Refused where it enters, naming the field: a path or query parameter here, a
 * JSON string in the reader; and JSON objects with the same key twice are unreadable, not "the last one wins".
 */
@Singleton
public class TextValues implements ObjectMapperCustomizer {
    public static final String RULE = "NoNulCharacter";
    public static final String MESSAGE = "must not contain the character U+0000";

    @ServerRequestFilter
    public void parameters(ContainerRequestContext request) {
        check(request.getUriInfo().getPathParameters());
        check(request.getUriInfo().getQueryParameters());
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\u0000') >= 0) {
                    throw ProblemException.invalid(parameter.getKey(), RULE, parameter.getKey() + " " + MESSAGE);
                }
            }
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("kasam-text-values").addDeserializer(String.class, new NoNul()));
    }

    /** Jackson's own string reading, refusing U+0000 with the field's path (mapped like any unreadable value). */
    static final class NoNul extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(parser, MESSAGE, value.replace('\u0000', '?'), String.class);
            }
            return value;
        }
    }
}
