package se.kasam.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The schema check catches each kind of mismatch a producer could make. */
class EventSchemasTest {
    static final String SCHEMA = EventSchemas.schemaOf("test.thing.changed.v1");
    final ObjectMapper json = new ObjectMapper();

    private ObjectNode valid() {
        return json.createObjectNode().put("id", "0b6f7c1e-5d7a-4f7e-9a53-2f1d8c3e9b10").putNull("name")
                .put("day", "2026-03-30").put("count", 3).put("gone", false);
    }

    @Test
    void aMatchingEventPasses() {
        EventSchemas.assertValid(SCHEMA, valid());
    }

    @Test
    void eachKindOfMismatchIsRejectedAndNamed() {
        assertRejected(e -> e.remove("gone"), "gone");
        assertRejected(e -> e.put("extra", 1), "extra");
        assertRejected(e -> e.put("count", "3"), "count");
        assertRejected(e -> e.put("count", -1), "count");
        assertRejected(e -> e.put("day", "30/3/2026"), "day");
        assertRejected(e -> e.put("id", "not-a-uuid"), "id");
        assertRejected(e -> e.putNull("day"), "day");
    }

    private void assertRejected(Consumer<ObjectNode> breakIt, String field) {
        ObjectNode event = valid();
        breakIt.accept(event);
        List<String> violations = EventSchemas.violations(SCHEMA, event);
        assertEquals(1, violations.size(), event + ": " + violations);
        assertTrue(violations.get(0).contains(field), violations.get(0));
        AssertionError error = assertThrows(AssertionError.class, () -> EventSchemas.assertValid(SCHEMA, event));
        assertTrue(error.getMessage().contains(field), error.getMessage());
    }
}
