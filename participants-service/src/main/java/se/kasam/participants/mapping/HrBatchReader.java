package se.kasam.participants.mapping;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import se.kasam.platform.batch.BatchReader;
import se.kasam.platform.batch.BatchReader.CellReader;
import se.kasam.platform.problem.Problem.Violation;

/**
 * Reads an HR batch from JSON ({"units": [...], "employees": [...]}) or from CSV files (see {@link BatchReader}:
 * a header row naming the same fields as the JSON, a decimal comma allowed, managers separated by space or '|').
 */
@ApplicationScoped
public class HrBatchReader {
    private static final Set<String> DECIMAL_COLUMNS = Set.of("employmentRate", "fullTimeHours");
    private static final CellReader CELLS = (row, column, value) -> {
        if (column.equals("managers")) {
            ArrayNode managers = row.putArray(column);
            Arrays.stream(value.split("[|\\s]+")).filter(m -> !m.isEmpty()).forEach(managers::add);
        } else if (DECIMAL_COLUMNS.contains(column)) {
            row.put(column, value.replace(',', '.'));
        } else {
            row.put(column, value);
        }
    };

    @Inject
    ObjectMapper json;

    @Inject
    BatchReader reader;

    public HrBatch readJson(byte[] body) {
        // fast path: the whole batch binds at once; only a batch with an unreadable value is read row by row
        try {
            HrBatchBody batch = json.readValue(body, HrBatchBody.class);
            if (batch != null) {
                return new HrBatch(reader.rows("units", batch.units(), UnitInput::code),
                        reader.rows("employees", batch.employees(), EmployeeInput::employeeNumber));
            }
        } catch (JsonMappingException e) {
            // some row has a value of the wrong type: read row by row below, to say which
        } catch (IOException e) {
            // not JSON at all: the row-by-row reading below says where
        }
        JsonNode root = reader.readTree(body);
        if (!root.isObject()) {
            throw BatchReader.malformed(new Violation("body", "Type", "expected an object with 'units' and/or 'employees'"));
        }
        return new HrBatch(reader.rows(root, "units", UnitInput.class, "code"),
                reader.rows(root, "employees", EmployeeInput.class, "employeeNumber"));
    }

    /** Either file may be absent (null). */
    public HrBatch readCsv(byte[] units, byte[] employees) {
        return new HrBatch(
                units == null ? List.of() : reader.csvRows("units", units, UnitInput.class, "code", CELLS),
                employees == null ? List.of()
                        : reader.csvRows("employees", employees, EmployeeInput.class, "employeeNumber", CELLS));
    }
}
