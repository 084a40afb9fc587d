package se.kasam.participants.mapping;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

public record RoundView(long id, String name, long seed, LocalDate date, List<String> unitCodes, String formedBy,
                        OffsetDateTime formedAt, RoundReport report) {
}
