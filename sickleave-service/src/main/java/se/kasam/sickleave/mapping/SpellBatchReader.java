package se.kasam.sickleave.mapping;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import se.kasam.platform.batch.BatchReader;
import se.kasam.platform.batch.BatchRow;
import se.kasam.platform.problem.Problem.Violation;

/**
 * Reads a spell batch: JSON {"spells": [...]}, or CSV with one line per period (columns spellId, employeeNumber,
 * kind, expectedLongTerm, firstDay, lastDay, extent), the lines of one spell sharing its id. A CSV spell is one row
 * of the report, numbered in the order its id first appears.
 */
@ApplicationScoped
public class SpellBatchReader {
    static final Set<String> SPELL_COLUMNS = Set.of("spellId", "employeeNumber", "kind", "expectedLongTerm");
    static final Set<String> CSV_COLUMNS = Set.of("spellId", "employeeNumber", "kind", "expectedLongTerm",
            "firstDay", "lastDay", "extent");

    @Inject
    ObjectMapper json;

    @Inject
    BatchReader reader;

    public List<BatchRow<SpellInput>> readJson(byte[] body) {
        // fast path: the whole batch binds at once; only a batch with an unreadable value is read row by row
        try {
            SpellBatchBody batch = json.readValue(body, SpellBatchBody.class);
            if (batch != null) {
                return reader.rows("spells", batch.spells(), SpellInput::spellId);
            }
        } catch (JsonMappingException e) {
            // some row has a value of the wrong type: read row by row below, to say which
        } catch (IOException e) {
            // not JSON at all: readTree says where
        }
        JsonNode root = reader.readTree(body);
        if (!root.isObject()) {
            throw BatchReader.malformed(new Violation("body", "Type", "expected an object with 'spells'"));
        }
        return reader.rows(root, "spells", SpellInput.class, "spellId");
    }

    public List<BatchRow<SpellInput>> readCsv(byte[] file) {
        Map<String, ObjectNode> spells = new LinkedHashMap<>();
        Map<String, List<Violation>> conflicts = new LinkedHashMap<>();
        int line = 0;
        for (ObjectNode period : reader.csvNodes("spells", file, CSV_COLUMNS, BatchReader.CellReader.TEXT)) {
            line++;
            String id = period.path("spellId").asText("line " + line);
            ObjectNode spell = spells.computeIfAbsent(id, k -> {
                ObjectNode s = json.createObjectNode();
                SPELL_COLUMNS.forEach(c -> s.set(c, period.get(c)));
                s.putArray("periods");
                return s;
            });
            for (String column : SPELL_COLUMNS) {
                if (!Objects.equals(text(spell.get(column)), text(period.get(column)))) {
                    conflicts.computeIfAbsent(id, k -> new ArrayList<>()).add(new Violation(column, "SameOnEveryLine",
                            "line " + line + " differs from the spell's first line"));
                }
            }
            ObjectNode p = spell.withArray("periods").addObject();
            for (String column : List.of("firstDay", "lastDay", "extent")) {
                p.set(column, period.get(column));
            }
        }
        List<BatchRow<SpellInput>> rows = new ArrayList<>(spells.size());
        int number = 0;
        for (var spell : spells.entrySet()) {
            BatchRow<SpellInput> row = reader.bind(++number, spell.getValue(), SpellInput.class, "spellId");
            List<Violation> found = conflicts.get(spell.getKey());
            rows.add(found == null ? row : new BatchRow<>(row.number(), row.key(), null, concat(row.errors(), found)));
        }
        return rows;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static List<Violation> concat(List<Violation> a, List<Violation> b) {
        List<Violation> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
