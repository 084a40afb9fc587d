package se.kasam.participants.mapping;

import java.time.LocalDate;
import java.util.List;

/** The caller's current trio group: the colleagues' names and units, nothing more about them. */
public record MyTrio(String round, LocalDate formedOn, List<Colleague> colleagues) {
    public record Colleague(String name, String unitCode, String unitName) {
    }
}
