package se.kasam.participants.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import se.kasam.platform.problem.Problem.Violation;
import se.kasam.platform.problem.ProblemException;
import se.kasam.platform.problem.ProblemType;
import se.kasam.platform.problem.Violations;

/**
 * Reads an HR batch from JSON ({"units": [...], "employees": [...]}) or from CSV files (UTF-8 with or without BOM,
 * ';' or ',' separated, a header row naming the same fields as the JSON). A row whose values cannot be read is
 * kept with its errors, so the report can name it; only a body that cannot be read at all is refused.
 */
@ApplicationScoped
public class HrBatchReader {
    private static final CsvMapper CSV = new CsvMapper();
    private static final Set<String> DECIMAL_COLUMNS = Set.of("employmentRate", "fullTimeHours");

    @Inject
    ObjectMapper json;

    public HrBatch readJson(byte[] body) {
        // fast path: the whole batch binds at once; only a batch with an unreadable value is read row by row
        try {
            HrBatchBody batch = json.readValue(body, HrBatchBody.class);
            if (batch != null) {
                return new HrBatch(rows(batch.units(), UnitInput::code), rows(batch.employees(), EmployeeInput::employeeNumber));
            }
        } catch (JsonMappingException e) {
            // some row has a value of the wrong type: read row by row below, to say which
        } catch (IOException e) {
            // not JSON at all: the row-by-row reading below says where
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw malformed(Violations.of(e));
        } catch (IOException e) {
            throw malformed(new Violation("body", "JsonSyntax", e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw malformed(new Violation("body", "Type", "expected an object with 'units' and/or 'employees'"));
        }
        return new HrBatch(rows(root, "units", UnitInput.class, "code"),
                rows(root, "employees", EmployeeInput.class, "employeeNumber"));
    }

    private static <T> List<HrBatch.Row<T>> rows(List<T> values, java.util.function.Function<T, String> key) {
        if (values == null) {
            return List.of();
        }
        List<HrBatch.Row<T>> rows = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            T value = values.get(i);
            rows.add(value == null
                    ? new HrBatch.Row<>(i + 1, null, null, List.of(new Violation("row", "NotNull", "must not be null")))
                    : new HrBatch.Row<>(i + 1, key.apply(value), value, List.of()));
        }
        return rows;
    }

    /** Either file may be absent (null). */
    public HrBatch readCsv(byte[] units, byte[] employees) {
        return new HrBatch(
                units == null ? List.of() : csvRows("units", units, UnitInput.class, "code"),
                employees == null ? List.of() : csvRows("employees", employees, EmployeeInput.class, "employeeNumber"));
    }

    private <T> List<HrBatch.Row<T>> rows(JsonNode root, String name, Class<T> type, String keyField) {
        JsonNode array = root.path(name);
        if (array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw malformed(new Violation(name, "Type", "expected an array"));
        }
        List<HrBatch.Row<T>> rows = new ArrayList<>(array.size());
        int number = 0;
        for (JsonNode node : array) {
            rows.add(row(++number, node, type, keyField));
        }
        return rows;
    }

    private <T> HrBatch.Row<T> row(int number, JsonNode node, Class<T> type, String keyField) {
        JsonNode key = node.path(keyField);
        String keyText = key.isValueNode() && !key.isNull() ? key.asText() : null;
        try {
            return new HrBatch.Row<>(number, keyText, json.treeToValue(node, type), List.of());
        } catch (JsonProcessingException e) {
            return new HrBatch.Row<>(number, keyText, null, List.of(Violations.of(e)));
        }
    }

    private <T> List<HrBatch.Row<T>> csvRows(String name, byte[] file, Class<T> type, String keyField) {
        String text = withoutBom(file);
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator(text));
        Set<String> known = fields(type);
        List<HrBatch.Row<T>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class).with(schema).readValues(text)) {
            CsvSchema header = (CsvSchema) it.getParserSchema();
            for (String column : header.getColumnNames()) {
                if (!known.contains(column)) {
                    throw malformed(new Violation(name + ".header", "KnownColumn",
                            "unknown column '" + column + "'; the columns are " + known));
                }
            }
            int number = 0;
            while (it.hasNextValue()) {
                rows.add(row(++number, csvRow(it.nextValue()), type, keyField));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw malformed(new Violation(name, "CsvSyntax", "cannot be read as CSV: " + e.getMessage()));
        }
        return rows;
    }

    /** Blank cells are absent values; a decimal comma is read as a point; managers are separated by space or '|'. */
    private ObjectNode csvRow(Map<String, String> cells) {
        ObjectNode node = json.createObjectNode();
        cells.forEach((column, cell) -> {
            String value = cell == null ? "" : cell.strip();
            if (value.isEmpty()) {
                return;
            }
            if (column.equals("managers")) {
                ArrayNode managers = node.putArray(column);
                Arrays.stream(value.split("[|\\s]+")).filter(m -> !m.isEmpty()).forEach(managers::add);
            } else if (DECIMAL_COLUMNS.contains(column)) {
                node.put(column, value.replace(',', '.'));
            } else {
                node.put(column, value);
            }
        });
        return node;
    }

    private static String withoutBom(byte[] file) {
        int offset = file.length >= 3 && (file[0] & 0xff) == 0xef && (file[1] & 0xff) == 0xbb && (file[2] & 0xff) == 0xbf ? 3 : 0;
        return new String(file, offset, file.length - offset, StandardCharsets.UTF_8);
    }

    /** ';' (what Swedish spreadsheets write) or ',': whichever the header row has more of. */
    private static char separator(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }

    private static Set<String> fields(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (var component : type.getRecordComponents()) {
            names.add(component.getName());
        }
        return names;
    }

    private static ProblemException malformed(Violation violation) {
        return new ProblemException(ProblemType.MALFORMED_BODY, violation.field() + ": " + violation.message(),
                List.of(violation));
    }
}
