package se.kasam.workshops.mapping;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.kasam.workshops.WorkshopModule;

@Schema(name = "WorkshopModule", description = "A module of the programme; its sessions are booked and attended")
public record ModuleView(String code, int ordinal, String title, String theme,
                         @Schema(description = "Participant hours of one session") BigDecimal hours,
                         @Schema(enumeration = {"ALL", "MANAGERS", "UNITS"}) String audience,
                         @Schema(description = "With audience UNITS: these units and the units below them") List<String> audienceUnits,
                         @Schema(description = "The module attended, or booked earlier in time, before this one") String follows,
                         int version) {
    public static ModuleView of(WorkshopModule m) {
        return new ModuleView(m.code, m.ordinal, m.title, m.theme, m.hours, m.audience, List.of(m.audienceUnits),
                m.follows, m.version);
    }
}
