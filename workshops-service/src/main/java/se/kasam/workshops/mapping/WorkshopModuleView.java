package se.kasam.workshops.mapping;

import java.math.BigDecimal;
import se.kasam.workshops.WorkshopModule;

public record WorkshopModuleView(String code, int ordinal, String title, String theme, BigDecimal hours) {
    public static WorkshopModuleView of(WorkshopModule m) {
        return new WorkshopModuleView(m.code, m.ordinal, m.title, m.theme, m.hours);
    }
}
