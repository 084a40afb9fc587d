package se.kasam.platform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import se.kasam.platform.problem.ProblemException;
import se.kasam.platform.problem.ProblemType;

class BatchReaderLimitTest {
    record Row(String code) {
    }

    private static BatchReader reader(int maxRows) {
        BatchReader reader = new BatchReader();
        reader.json = new ObjectMapper();
        reader.maxRows = maxRows;
        return reader;
    }

    private static void assertRefused(String field, org.junit.jupiter.api.function.Executable read) {
        ProblemException refused = assertThrows(ProblemException.class, read);
        assertEquals(ProblemType.PAYLOAD_TOO_LARGE, refused.type());
        assertEquals(field, refused.errors().get(0).field());
        assertEquals("MaxRows", refused.errors().get(0).rule());
    }

    @Test
    void aBatchOfTheMostRowsIsReadAndOneMoreIsA413NamingTheField() throws Exception {
        BatchReader reader = reader(2);
        assertEquals(2, reader.rows("units", List.of(new Row("A"), new Row("B")), Row::code).size());
        assertRefused("units", () -> reader.rows("units", List.of(new Row("A"), new Row("B"), new Row("C")), Row::code));

        var root = new ObjectMapper().readTree("{\"units\": [{\"code\": \"A\"}, {\"code\": \"B\"}, {\"code\": 3}]}");
        assertRefused("units", () -> reader.rows(root, "units", Row.class, "code"));

        byte[] csv = "code\nA\nB\nC\n".getBytes(StandardCharsets.UTF_8);
        assertRefused("units", () -> reader.csvNodes("units", csv, Set.of("code"), BatchReader.CellReader.TEXT));
        assertEquals(2, reader.csvNodes("units", "code\nA\nB\n".getBytes(StandardCharsets.UTF_8), Set.of("code"),
                BatchReader.CellReader.TEXT).size());
    }

    @Test
    void anAbsentArrayIsNoRows() {
        assertEquals(List.of(), reader(2).rows("units", null, (Function<Row, String>) Row::code));
    }
}
