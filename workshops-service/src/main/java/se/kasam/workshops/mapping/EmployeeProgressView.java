package se.kasam.workshops.mapping;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EmployeeProgress")
public record EmployeeProgressView(String employeeNumber,
                                   @Schema(description = "The modules attended, in programme order") List<String> modulesDone,
                                   @Schema(description = "Of the modules for all") int modulesForAllDone, int modulesForAll,
                                   long trioMeetings, BigDecimal hours) {
}
