package se.kasam.platform.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import se.kasam.platform.problem.Problem.Violation;
import se.kasam.platform.problem.ProblemException;
import se.kasam.platform.problem.ProblemType;
import se.kasam.platform.problem.Violations;

/**
 * Reads the rows of a batch import from JSON or from CSV (UTF-8 with or without BOM, ';' or ',' separated, a header
 * row naming the same fields as the JSON). A row whose values cannot be read is kept with its errors, so the report
 * can name it; only a body that cannot be read at all is refused (400, malformed body).
 */
@ApplicationScoped
public class BatchReader {
    private static final CsvMapper CSV = new CsvMapper();

    /** How a CSV cell goes into the row's JSON; blank cells never reach it (they are absent values). */
    @FunctionalInterface
    public interface CellReader {
        void read(ObjectNode row, String column, String value);

        CellReader TEXT = ObjectNode::put;
    }

    @Inject
    ObjectMapper json;

    /** The most rows one batch may hold (four times the largest municipality's staff): more is a 413, before any work. */
    @ConfigProperty(name = "kasam.batch.max-rows", defaultValue = "200000")
    int maxRows;

    public JsonNode readTree(byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw malformed(new Violation("body", "NotEmpty", "the body is empty"));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw malformed(Violations.of(e));
        } catch (IOException e) {
            throw malformed(new Violation("body", "JsonSyntax", e.getMessage()));
        }
    }

    /** Rows already bound in one go (the fast path for a batch without unreadable values). */
    public <T> List<BatchRow<T>> rows(String name, List<T> values, Function<T, String> key) {
        if (values == null) {
            return List.of();
        }
        requireAtMostMaxRows(name, values.size());
        List<BatchRow<T>> rows = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            T value = values.get(i);
            rows.add(value == null
                    ? new BatchRow<>(i + 1, null, null, List.of(new Violation("row", "NotNull", "must not be null")))
                    : new BatchRow<>(i + 1, key.apply(value), value, List.of()));
        }
        return rows;
    }

    /** The rows of the array {@code root.name}, each bound on its own so one bad value names its row. */
    public <T> List<BatchRow<T>> rows(JsonNode root, String name, Class<T> type, String keyField) {
        JsonNode array = root.path(name);
        if (array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw malformed(new Violation(name, "Type", "expected an array"));
        }
        requireAtMostMaxRows(name, array.size());
        List<BatchRow<T>> rows = new ArrayList<>(array.size());
        int number = 0;
        for (JsonNode node : array) {
            rows.add(bind(++number, node, type, keyField));
        }
        return rows;
    }

    public <T> BatchRow<T> bind(int number, JsonNode node, Class<T> type, String keyField) {
        JsonNode key = node.path(keyField);
        String keyText = key.isValueNode() && !key.isNull() ? key.asText() : null;
        try {
            return new BatchRow<>(number, keyText, json.treeToValue(node, type), List.of());
        } catch (JsonProcessingException e) {
            return new BatchRow<>(number, keyText, null, List.of(Violations.of(e)));
        }
    }

    /** CSV rows bound to {@code type}, whose record components are the known columns. */
    public <T> List<BatchRow<T>> csvRows(String name, byte[] file, Class<T> type, String keyField, CellReader cells) {
        List<ObjectNode> nodes = csvNodes(name, file, fields(type), cells);
        List<BatchRow<T>> rows = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            rows.add(bind(i + 1, nodes.get(i), type, keyField));
        }
        return rows;
    }

    /** The data rows of a CSV file as JSON objects; an unknown column refuses the file, naming the known ones. */
    public List<ObjectNode> csvNodes(String name, byte[] file, Set<String> known, CellReader cells) {
        String text = withoutBom(file);
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator(text));
        List<ObjectNode> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class).with(schema).readValues(text)) {
            CsvSchema header = (CsvSchema) it.getParserSchema();
            for (String column : header.getColumnNames()) {
                if (!known.contains(column)) {
                    throw malformed(new Violation(name + ".header", "KnownColumn",
                            "unknown column '" + column + "'; the columns are " + new TreeSet<>(known)));
                }
            }
            while (it.hasNextValue()) {
                ObjectNode node = json.createObjectNode();
                it.nextValue().forEach((column, cell) -> {
                    String value = cell == null ? "" : cell.strip();
                    if (!value.isEmpty()) {
                        cells.read(node, column, value);
                    }
                });
                rows.add(node);
                requireAtMostMaxRows(name, rows.size());
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw malformed(new Violation(name, "CsvSyntax", "cannot be read as CSV: " + e.getMessage()));
        }
        return rows;
    }

    private void requireAtMostMaxRows(String name, int rows) {
        if (rows > maxRows) {
            String message = "at most " + maxRows + " rows in one batch (kasam.batch.max-rows); send it in parts";
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, name + ": " + message,
                    List.of(new Violation(name, "MaxRows", message)));
        }
    }

    public static Set<String> fields(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (var component : type.getRecordComponents()) {
            names.add(component.getName());
        }
        return names;
    }

    public static ProblemException malformed(Violation violation) {
        return new ProblemException(ProblemType.MALFORMED_BODY, violation.field() + ": " + violation.message(),
                List.of(violation));
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
}
