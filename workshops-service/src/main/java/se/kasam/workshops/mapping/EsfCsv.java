package se.kasam.workshops.mapping;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

/** The ESF export as CSV: the month's rows, then its corrections (kind CORRECTION, with when they were recorded). */
public final class EsfCsv {
    private static final CsvMapper CSV = CsvMapper.builder().findAndAddModules().build();
    private static final CsvSchema SCHEMA = CSV.schemaFor(Line.class).withHeader().withLineSeparator("\r\n");

    @JsonPropertyOrder({"kind", "employeeNumber", "legalGender", "unitCode", "occupation", "activity", "date", "hours",
            "coFinancingSek", "recordedAt"})
    record Line(String kind, String employeeNumber, String legalGender, String unitCode, String occupation,
                String activity, LocalDate date, BigDecimal hours, BigDecimal coFinancingSek, OffsetDateTime recordedAt) {
    }

    private EsfCsv() {
    }

    public static String of(EsfExportView export) {
        List<Line> lines = Stream.concat(lines("ROW", export.rows()), lines("CORRECTION", export.corrections())).toList();
        try {
            return CSV.disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .writer(SCHEMA).writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stream<Line> lines(String kind, List<EsfExportView.Row> rows) {
        return rows.stream().map(r -> new Line(kind, r.employeeNumber(), r.legalGender(), r.unitCode(), r.occupation(),
                r.activity(), r.date(), r.hours(), r.coFinancingSek(), r.recordedAt()));
    }
}
