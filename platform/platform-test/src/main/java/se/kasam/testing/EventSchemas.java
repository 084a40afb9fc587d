package se.kasam.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Checks event data against the producer's JSON Schema (draft 2020-12, formats asserted), the one way every
 * producer's tests do it: for the events really published and for the examples that consumers' tests read.
 * By convention the schema of type {@code T} is the resource {@code events/T.schema.json} and its example
 * {@code events/T.example.json}, in the producing service's {@code src/main/resources}.
 */
public final class EventSchemas {
    /** Where a service keeps its event schemas and examples, relative to its module directory (the tests' working directory). */
    public static final Path EVENTS = Path.of("src/main/resources/events");
    private static final String SCHEMA = ".schema.json";
    private static final String EXAMPLE = ".example.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    // "format" is only an annotation in 2020-12 unless asserted: a date or uuid field must really be one
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The schema resource of an event type. */
    public static String schemaOf(String type) {
        return "events/" + type + SCHEMA;
    }

    /** Fails, naming every violation, unless {@code data} is valid against the schema at the classpath resource. */
    public static void assertValid(String schemaResource, JsonNode data) {
        List<String> violations = violations(schemaResource, data);
        if (!violations.isEmpty()) {
            fail(schemaResource + " does not accept " + data + ": " + violations);
        }
    }

    /** A binary-mode CloudEvent as consumed from Kafka: its data must match the schema its {@code ce_type} names. */
    public static void assertValid(ConsumerRecord<String, String> record) {
        String type = EventProbe.header(record, "ce_type");
        if (type == null) {
            fail("no ce_type header on " + record);
        }
        assertValid(schemaOf(type), read(record.value()));
    }

    /** Every violation, as "location: message"; empty when valid. */
    public static List<String> violations(String schemaResource, JsonNode data) {
        return SCHEMAS.computeIfAbsent(schemaResource, EventSchemas::load).validate(data).stream()
                .map(Error::toString).toList();
    }

    /**
     * Every example in this module's {@link #EVENTS} folder is valid against its schema, and every schema there has
     * an example (consumers' tests read them, so a producer cannot change its events without changing them).
     */
    public static void assertExamplesValid() {
        Set<String> schemas = typesIn(SCHEMA);
        assertEquals(schemas, typesIn(EXAMPLE), "each event schema in " + EVENTS + " has an example, and each example a schema");
        if (schemas.isEmpty()) {
            fail("no event schemas in " + EVENTS.toAbsolutePath());
        }
        for (String type : schemas) {
            try {
                assertValid(schemaOf(type), read(Files.readString(EVENTS.resolve(type + EXAMPLE))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Set<String> typesIn(String suffix) {
        try (Stream<Path> files = Files.list(EVENTS)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(suffix))
                    .map(n -> n.substring(0, n.length() - suffix.length()))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema load(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema on the classpath at " + resource);
            }
            return REGISTRY.getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("event data is not JSON: " + json, e);
        }
    }
}
