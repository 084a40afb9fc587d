package se.kasam.survey.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The built-in instruments as shipped (src/main/resources/instruments). */
final class BuiltIns {
    private BuiltIns() {
    }

    static InstrumentDefinition load(String code) {
        try (InputStream in = BuiltIns.class.getResourceAsStream("/instruments/" + code + ".json")) {
            return new ObjectMapper().readValue(in, InstrumentDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
